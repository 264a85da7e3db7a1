package org.rpzx.dist.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.xbill.DNS.Type;

/**
 * SOA queries over UDP at a fixed rate from one connected channel: a sender thread that tops the
 * count up to {@code rate × elapsed} every millisecond (so a late wake-up sends a small burst, not
 * fewer queries), a receiver that matches answers by ID and records their latency.
 */
final class UdpSoaLoad {

  /** Sent, answered (NOERROR), answered with another rcode, unanswered; answer latency. */
  record Result(
      int targetQps,
      long sent,
      long answered,
      long errors,
      long lost,
      double seconds,
      Latencies.Summary latency) {

    double achievedQps() {
      return seconds > 0 ? sent / seconds : 0;
    }
  }

  private final InetSocketAddress server;
  private final String origin;
  private final int rate;
  private final Latencies latencies = new Latencies();
  private final AtomicLongArray sentAt = new AtomicLongArray(65536);
  private DatagramChannel channel;
  private Thread sender;
  private Thread receiver;
  private volatile boolean stopped;
  private volatile long sent;
  private volatile long answered;
  private volatile long errors;
  private long startNanos;
  private long stopNanos;

  UdpSoaLoad(InetSocketAddress server, String origin, int rate) {
    this.server = server;
    this.origin = origin;
    this.rate = rate;
  }

  void start() throws IOException {
    channel = DatagramChannel.open();
    channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
    channel.connect(server);
    startNanos = System.nanoTime();
    sender = new Thread(this::send, "udp-soa-send");
    receiver = new Thread(this::receive, "udp-soa-receive");
    sender.setDaemon(true);
    receiver.setDaemon(true);
    receiver.start();
    sender.start();
  }

  private void send() {
    byte[] query = RawDns.query(origin, Type.SOA);
    ByteBuffer buf = ByteBuffer.wrap(query);
    long n = 0;
    try {
      while (!stopped) {
        long due = (System.nanoTime() - startNanos) * rate / 1_000_000_000L;
        while (n < due && !stopped) {
          int id = (int) (n & 0xFFFF);
          RawDns.setId(query, id);
          buf.clear();
          sentAt.set(id, System.nanoTime());
          channel.write(buf);
          n++;
          sent = n;
        }
        LockSupport.parkNanos(1_000_000);
      }
    } catch (IOException e) {
      // the channel was closed by stop()
    }
  }

  private void receive() {
    UdpAnswers.readUntilClosed(
        channel,
        (answer, now) -> {
          if (RawDns.rcode(answer) == 0) {
            answered++;
            latencies.record(now - sentAt.get(RawDns.id(answer)));
          } else {
            errors++;
          }
        });
  }

  /** Stops sending, waits {@code graceMillis} for late answers, closes. */
  Result stop(long graceMillis) throws InterruptedException, IOException {
    stopped = true;
    sender.join(5_000);
    stopNanos = System.nanoTime();
    Thread.sleep(graceMillis);
    channel.close();
    receiver.join(5_000);
    long s = sent;
    return new Result(
        rate,
        s,
        answered,
        errors,
        Math.max(0, s - answered - errors),
        (stopNanos - startNanos) / 1e9,
        latencies.summary());
  }
}
