package org.rpzx.dist.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Clients that hold a connection open and never finish a request, each kind against the limit meant
 * to close it. One thread ticks over all of them once a second (non-blocking channels): it reads
 * whatever the server sent, notes when the server closed, and lets drip clients send their next
 * byte every {@code dripMillis}.
 */
final class SlowLoris {

  /** The kinds of slow client. */
  enum Kind {
    /** SMTP: reads the greeting, then drips {@code EHLO …} / {@code NOOP} one byte at a time. */
    SMTP_DRIP,
    /** DNS/TCP: sends one byte of the two-byte length prefix, then nothing. */
    DNS_PREFIX_STALL,
    /** DNS/TCP: sends a length prefix and half the message it announces, then nothing. */
    DNS_PARTIAL_STALL,
    /** DNS/TCP: announces a 16 384-byte message and drips it one byte at a time. */
    DNS_DRIP
  }

  /** Per kind: opened, closed by the server (with the time it took), still open at the end. */
  record KindResult(
      int opened, int refused, int closed, double minSeconds, double maxSeconds, int open) {}

  private static final byte[] SMTP_DRIP =
      "EHLO loris.example\r\nNOOP\r\nNOOP\r\nNOOP\r\nNOOP\r\nNOOP\r\nNOOP\r\nNOOP\r\n"
          .getBytes(StandardCharsets.US_ASCII);

  private static final class Conn {
    final Kind kind;
    final SocketChannel channel;
    final long opened = System.nanoTime();
    long closedAt = -1;
    int dripped;
    long lastDrip = opened;

    Conn(Kind kind, SocketChannel channel) {
      this.kind = kind;
      this.channel = channel;
    }
  }

  private final long dripNanos;
  private final List<Conn> conns = new ArrayList<>();
  private final Map<Kind, Integer> refused = new EnumMap<>(Kind.class);
  private Thread thread;
  private volatile boolean stopped;

  SlowLoris(long dripMillis) {
    this.dripNanos = dripMillis * 1_000_000;
  }

  /** Opens {@code count} connections of {@code kind} to {@code server} and sends their opening. */
  void open(Kind kind, int count, InetSocketAddress server) {
    for (int i = 0; i < count; i++) {
      try {
        SocketChannel ch = SocketChannel.open(server);
        ch.configureBlocking(false);
        switch (kind) {
          case DNS_PREFIX_STALL -> write(ch, new byte[] {0});
          case DNS_PARTIAL_STALL -> {
            byte[] q = RawDns.query("example.", 6);
            byte[] half = new byte[2 + q.length / 2];
            half[1] = (byte) q.length;
            System.arraycopy(q, 0, half, 2, q.length / 2);
            write(ch, half);
          }
          case DNS_DRIP -> write(ch, new byte[] {0x40, 0}); // 16 384 bytes to come
          case SMTP_DRIP -> {
            // the server speaks first; the drip starts on the first tick
          }
        }
        synchronized (this) {
          conns.add(new Conn(kind, ch));
        }
      } catch (IOException e) {
        synchronized (this) {
          refused.merge(kind, 1, Integer::sum);
        }
      }
    }
  }

  void start() {
    thread = new Thread(this::run, "slow-loris");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    ByteBuffer sink = ByteBuffer.allocate(4096);
    while (!stopped) {
      synchronized (this) {
        long now = System.nanoTime();
        for (Conn c : conns) {
          if (c.closedAt >= 0) {
            continue;
          }
          try {
            sink.clear();
            int n;
            while ((n = c.channel.read(sink)) > 0) {
              sink.clear();
            }
            if (n < 0) {
              closed(c, now);
              continue;
            }
            boolean drips = c.kind == Kind.SMTP_DRIP || c.kind == Kind.DNS_DRIP;
            if (drips && now - c.lastDrip >= dripNanos) {
              byte b = c.kind == Kind.SMTP_DRIP ? SMTP_DRIP[c.dripped % SMTP_DRIP.length] : 0;
              write(c.channel, new byte[] {b});
              c.dripped++;
              c.lastDrip = now;
            }
          } catch (IOException e) {
            closed(c, now); // reset by the server
          }
        }
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void closed(Conn c, long now) {
    c.closedAt = now;
    try {
      c.channel.close();
    } catch (IOException e) {
      // already gone
    }
  }

  /** Whether every connection of these kinds has been closed by the server. */
  synchronized boolean allClosed(List<Kind> kinds) {
    return conns.stream().filter(c -> kinds.contains(c.kind)).allMatch(c -> c.closedAt >= 0);
  }

  /** Stops ticking, closes what is still open (from the client side) and returns the counts. */
  Map<Kind, KindResult> stop() throws InterruptedException {
    stopped = true;
    thread.join(5_000);
    Map<Kind, KindResult> out = new EnumMap<>(Kind.class);
    synchronized (this) {
      for (Kind k : Kind.values()) {
        int opened = 0;
        int closed = 0;
        int open = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Conn c : conns) {
          if (c.kind != k) {
            continue;
          }
          opened++;
          if (c.closedAt >= 0) {
            closed++;
            double s = (c.closedAt - c.opened) / 1e9;
            min = Math.min(min, s);
            max = Math.max(max, s);
          } else {
            open++;
            try {
              c.channel.close();
            } catch (IOException e) {
              // closing anyway
            }
          }
        }
        if (opened > 0 || refused.containsKey(k)) {
          out.put(
              k,
              new KindResult(
                  opened, refused.getOrDefault(k, 0), closed, closed > 0 ? min : 0, max, open));
        }
      }
    }
    return out;
  }

  private static void write(SocketChannel ch, byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      if (ch.write(b) == 0) {
        Thread.onSpinWait();
      }
    }
  }
}
