package org.rpzx.bench.suite;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * IXFR of a delta: {@code --rounds} times, reads the SOA serial, submits {@code --delta} new names
 * over SMTP, waits for the {@code 250} (the change is then published), and transfers the difference
 * from the old serial with the raw client. Prints the transfer time (query written to last byte
 * read; on loopback that is the server's time plus a socket round trip).
 */
public final class IxfrDelta {

  private IxfrDelta() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    int rounds = a.getInt("rounds", 5);
    int delta = a.getInt("delta", 1000);
    int dnsPort = Integer.parseInt(a.get("dns-port"));
    SmtpSubmitter smtp =
        new SmtpSubmitter(a.host(), a.port(), a.get("from"), a.get("to", "blocklist@localhost"));
    List<Long> times = new ArrayList<>();
    long rrs = 0;
    long bytes = 0;
    String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    try (SoaClient soa = new SoaClient(a.host(), dnsPort, a.zone())) {
      for (int r = 0; r < rounds; r++) {
        if (soa.ask(2000) < 0) {
          throw new IOException("no SOA answer");
        }
        long from = soa.lastSerial();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < delta; i++) {
          names.add("ixfr" + run + "r" + r + "n" + i + "-" + tag() + ".net");
        }
        SmtpSubmitter.Reply reply = smtp.send(names);
        if (reply.code() != 250) {
          throw new IOException("delta submission refused: " + reply.text());
        }
        ZoneTransfer.Result t = ZoneTransfer.ixfr(a.host(), dnsPort, a.zone(), from, 60_000);
        if (t.full()) {
          throw new IOException("IXFR from " + from + " came back as a full transfer");
        }
        times.add(t.nanos());
        rrs = t.rrs();
        bytes = t.bytes();
      }
    }
    Stats.out("ixfr_delta", delta);
    Stats.out("ixfr_rrs", rrs);
    Stats.out("ixfr_bytes", bytes);
    Stats.printMillis("ixfr", times.stream().mapToLong(Long::longValue).toArray());
  }

  private static String tag() {
    return Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
  }
}
