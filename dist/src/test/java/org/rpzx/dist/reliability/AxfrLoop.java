package org.rpzx.dist.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.xbill.DNS.Type;

/**
 * Consumers transferring the whole zone again and again: {@code clients} threads, each running raw
 * AXFRs ({@link RawDns#axfr}) back to back until stopped.
 */
final class AxfrLoop {

  /** What the clients did: complete transfers, failed ones, RRs of the largest, slowest one. */
  record Result(
      int completed,
      int failed,
      int cutAtStop,
      long maxRecords,
      long bytes,
      double maxSeconds,
      List<String> errors) {}

  private final InetSocketAddress server;
  private final byte[] query;
  private final int clients;
  private final List<Thread> threads = new ArrayList<>();
  private final List<Socket[]> sockets = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger cut = new AtomicInteger();
  private final AtomicLong maxRecords = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong maxNanos = new AtomicLong();
  private volatile boolean stopped;
  private volatile boolean cutting;

  AxfrLoop(InetSocketAddress server, String origin, int clients) {
    this.server = server;
    this.query = RawDns.query(origin, Type.AXFR);
    this.clients = clients;
  }

  void start() {
    for (int i = 0; i < clients; i++) {
      Socket[] holder = new Socket[1];
      sockets.add(holder);
      Thread t = new Thread(() -> work(holder), "axfr-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void work(Socket[] holder) {
    while (!stopped) {
      try {
        RawDns.Transfer x = RawDns.axfr(server, query, Duration.ofSeconds(60), holder);
        completed.incrementAndGet();
        maxRecords.accumulateAndGet(x.records(), Math::max);
        bytes.addAndGet(x.bytes());
        maxNanos.accumulateAndGet(x.nanos(), Math::max);
      } catch (IOException e) {
        if (cutting) {
          cut.incrementAndGet();
          return;
        }
        failed.incrementAndGet();
        synchronized (errors) {
          if (errors.size() < 5) {
            errors.add(String.valueOf(e));
          }
        }
        pause();
      }
    }
  }

  /**
   * Lets every transfer in flight finish within {@code grace}; those still running then are cut
   * (closed by the client) and counted apart, not as failures.
   */
  Result stop(Duration grace) throws InterruptedException {
    stopped = true;
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread t : threads) {
      t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    cutting = true;
    for (Socket[] holder : sockets) {
      Socket s = holder[0];
      if (s != null) {
        try {
          s.close();
        } catch (IOException e) {
          // closing to cut it: nothing to do
        }
      }
    }
    for (Thread t : threads) {
      t.join(10_000);
    }
    synchronized (errors) {
      return new Result(
          completed.get(),
          failed.get(),
          cut.get(),
          maxRecords.get(),
          bytes.get(),
          maxNanos.get() / 1e9,
          List.copyOf(errors));
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
