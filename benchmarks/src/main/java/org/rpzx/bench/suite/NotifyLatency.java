package org.rpzx.bench.suite;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Submission to NOTIFY: {@code --count} submissions of {@code --lines} new names each over SMTP,
 * {@code --gap-ms} apart (longer than rpzx's coalescing window, so each makes its own serial). From
 * the end of DATA it times the {@code 250}, the NOTIFY arriving at {@code --listen-port} (a
 * consumer's target) and, with {@code --resolver-port}, a BIND resolver (an RPZ secondary of rpzx)
 * answering NXDOMAIN for the first new name.
 */
public final class NotifyLatency {

  private NotifyLatency() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    int count = a.getInt("count", 200);
    int lines = a.getInt("lines", 10);
    int gap = a.getInt("gap-ms", 700);
    int resolverPort = a.getInt("resolver-port", 0);
    String prefix = a.get("prefix", "n");
    SmtpSubmitter smtp =
        new SmtpSubmitter(a.host(), a.port(), a.get("from"), a.get("to", "blocklist@localhost"));
    List<Long> replies = new ArrayList<>();
    List<Long> notifies = new ArrayList<>();
    List<Long> enforced = new ArrayList<>();
    int missing = 0;
    String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    int unenforced = 0;
    try (NotifyListener listener = new NotifyListener(a.getInt("listen-port", 0));
        DatagramSocket resolver = new DatagramSocket()) {
      String ready = a.get("ready-name", "");
      if (resolverPort > 0 && !ready.isEmpty()) {
        // the resolver serves the zone's SOA before its policy database is built: wait until it
        // enforces a name of the loaded zone
        long t = System.nanoTime();
        if (awaitNxdomain(resolver, resolverPort, ready, 600_000) < 0) {
          throw new IOException("resolver never enforced " + ready);
        }
        Stats.out("resolver_policy_ready_s", (System.nanoTime() - t) / 1e9);
      }
      for (int i = 0; i < count; i++) {
        List<String> batch = new ArrayList<>();
        for (int j = 0; j < lines; j++) {
          batch.add(prefix + run + "x" + i + "y" + j + "-" + random(8) + ".com");
        }
        listener.drain();
        long before = System.nanoTime();
        SmtpSubmitter.Reply r = smtp.send(batch);
        if (r.code() != 250) {
          throw new IOException("submission " + i + " refused: " + r.text());
        }
        long dot = r.dotAt();
        replies.add(r.afterDotNanos());
        long notified = listener.awaitAfter(before, 5000);
        if (notified < 0) {
          missing++;
        } else {
          notifies.add(notified - dot);
        }
        if (resolverPort > 0) {
          long nx = awaitNxdomain(resolver, resolverPort, batch.get(0), 30_000);
          if (nx < 0) {
            unenforced++; // reported; the run goes on
          } else {
            enforced.add(nx - dot);
          }
        }
        long wait = gap - (System.nanoTime() - before) / 1_000_000;
        if (wait > 0) {
          Thread.sleep(wait);
        }
      }
    }
    // with a resolver the NOTIFY figures are a by-product (named answers the NOTIFYs too)
    String p = resolverPort > 0 ? "with_resolver_" : "";
    Stats.out(p + "notify_missing", missing);
    Stats.printMillis(p + "submit_250", toArray(replies));
    Stats.printMillis(p + "notify", toArray(notifies));
    if (resolverPort > 0) {
      Stats.out("nxdomain_missing", unenforced);
      Stats.printMillis("nxdomain", toArray(enforced));
      if (enforced.isEmpty()) {
        throw new IOException("the resolver enforced none of the new names within 30 s");
      }
    }
    if (missing > 0) {
      System.err.println(missing + " submissions saw no NOTIFY within 5 s");
    }
  }

  /** Asks the resolver every 2 ms until it says NXDOMAIN; returns that moment, or -1. */
  private static long awaitNxdomain(DatagramSocket s, int port, String name, long timeoutMs)
      throws IOException {
    InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
    byte[] buf = new byte[4096];
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (System.nanoTime() < deadline) {
      Message q =
          Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN));
      byte[] wire = q.toWire();
      s.send(new DatagramPacket(wire, wire.length, server));
      s.setSoTimeout(200);
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        while (true) {
          s.receive(p);
          if (DnsWire.id(buf) == q.getHeader().getID()) {
            break;
          }
        }
        if (DnsWire.rcode(buf) == 3) {
          return System.nanoTime();
        }
      } catch (SocketTimeoutException e) {
        // still recursing towards the unreachable root: ask again
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
    return -1;
  }

  private static String random(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return sb.toString();
  }

  private static long[] toArray(List<Long> l) {
    return l.stream().mapToLong(Long::longValue).toArray();
  }
}
