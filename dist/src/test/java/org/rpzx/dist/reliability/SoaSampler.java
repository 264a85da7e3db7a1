package org.rpzx.dist.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.xbill.DNS.Type;

/**
 * What a resolver checking the zone sees: one SOA query over UDP every {@code periodMillis}, on a
 * fixed schedule whatever the answers do (a slow answer does not delay the next query, so it cannot
 * hide the ones after it), each timed on its own from send to answer. A query still unanswered at
 * the end counts as {@code lostAsMillis} in the percentiles, so losses raise them instead of
 * vanishing.
 */
final class SoaSampler {

  /** Queries sent, answered, never answered; latency over all of them. */
  record Result(long queries, long answered, long lost, Latencies.Summary latency) {}

  private final InetSocketAddress server;
  private final String origin;
  private final long periodNanos;
  private final long lostAsNanos;
  private final Latencies latencies = new Latencies();
  private final AtomicLongArray sentAt = new AtomicLongArray(65536);
  private DatagramChannel channel;
  private Thread sender;
  private Thread receiver;
  private volatile boolean stopped;
  private volatile long queries;
  private volatile long answered;

  SoaSampler(InetSocketAddress server, String origin, long periodMillis, long lostAsMillis) {
    this.server = server;
    this.origin = origin;
    this.periodNanos = periodMillis * 1_000_000;
    this.lostAsNanos = lostAsMillis * 1_000_000;
  }

  void start() throws IOException {
    channel = DatagramChannel.open();
    channel.connect(server);
    sender = new Thread(this::send, "soa-sampler-send");
    receiver = new Thread(this::receive, "soa-sampler-receive");
    sender.setDaemon(true);
    receiver.setDaemon(true);
    receiver.start();
    sender.start();
  }

  private void send() {
    byte[] query = RawDns.query(origin, Type.SOA);
    long next = System.nanoTime();
    int id = 0;
    try {
      while (!stopped && id < 65535) {
        id++;
        RawDns.setId(query, id);
        sentAt.set(id, System.nanoTime());
        channel.write(ByteBuffer.wrap(query));
        queries = id;
        next += periodNanos;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
    } catch (IOException e) {
      // closed by stop()
    }
  }

  private void receive() {
    UdpAnswers.readUntilClosed(
        channel,
        (answer, now) -> {
          if (RawDns.rcode(answer) != 0) {
            return;
          }
          long sent = sentAt.getAndSet(RawDns.id(answer), 0);
          if (sent != 0) {
            latencies.record(now - sent);
            answered++;
          }
        });
  }

  /** Stops sending, waits {@code graceMillis} for the last answers, counts the rest as lost. */
  Result stop(long graceMillis) throws InterruptedException, IOException {
    stopped = true;
    sender.join(5_000);
    Thread.sleep(graceMillis);
    channel.close();
    receiver.join(5_000);
    long q = queries;
    long lost = 0;
    for (int id = 1; id <= q; id++) {
      if (sentAt.get(id) != 0) {
        lost++;
        latencies.record(lostAsNanos);
      }
    }
    return new Result(q, answered, lost, latencies.summary());
  }
}
