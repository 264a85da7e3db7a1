package org.rpzx.bench.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code --parallel P} AXFRs started together while one thread asks for the SOA over UDP every
 * {@code --interval-ms} (default 10); prints the SOA latency percentiles during the transfers, how
 * many SOA queries went unanswered within 1 s, and the transfers' total time.
 */
public final class AxfrStorm {

  private AxfrStorm() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    int parallel = a.getInt("parallel", 20);
    int interval = a.getInt("interval-ms", 10);
    int timeout = a.getInt("timeout-ms", 300_000);
    // daemon threads: a failed transfer ends the program instead of leaving the sampler running
    ExecutorService pool =
        Executors.newFixedThreadPool(
            parallel + 1,
            r -> {
              Thread t = new Thread(r);
              t.setDaemon(true);
              return t;
            });
    AtomicBoolean running = new AtomicBoolean(true);
    List<Long> latencies = new ArrayList<>();
    int[] lost = {0};
    Future<?> sampler =
        pool.submit(
            () -> {
              try (SoaClient c = new SoaClient(a.host(), a.port(), a.zone())) {
                while (running.get()) {
                  long rtt = c.ask(1000);
                  if (rtt < 0) {
                    lost[0]++;
                  } else {
                    latencies.add(rtt);
                  }
                  Thread.sleep(interval);
                }
              }
              return null;
            });
    long start = System.nanoTime();
    List<Future<ZoneTransfer.Result>> transfers = new ArrayList<>();
    for (int i = 0; i < parallel; i++) {
      transfers.add(pool.submit(() -> ZoneTransfer.axfr(a.host(), a.port(), a.zone(), timeout)));
    }
    long rrs = 0;
    try {
      for (Future<ZoneTransfer.Result> f : transfers) {
        rrs += f.get().rrs();
      }
    } finally {
      running.set(false);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    running.set(false);
    sampler.get();
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.SECONDS);
    Stats.out("storm_parallel", parallel);
    Stats.out("storm_s", seconds);
    Stats.out("storm_rr_per_s", rrs / seconds);
    Stats.out("storm_soa_lost", lost[0]);
    Stats.printMillis("storm_soa", latencies.stream().mapToLong(Long::longValue).toArray());
  }
}
