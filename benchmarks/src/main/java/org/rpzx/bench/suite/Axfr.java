package org.rpzx.bench.suite;

import java.util.Arrays;

/**
 * AXFR throughput with the raw client: {@code --warmup W} transfers, then {@code --repeat R}
 * measured ones, one after the other; prints the median transfer's RR/s and the bytes per RR.
 *
 * <pre>java -cp benchmarks.jar org.rpzx.bench.suite.Axfr --port 5353 --repeat 3</pre>
 */
public final class Axfr {

  private Axfr() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    int timeout = a.getInt("timeout-ms", 120_000);
    for (int i = 0; i < a.getInt("warmup", 1); i++) {
      ZoneTransfer.axfr(a.host(), a.port(), a.zone(), timeout);
    }
    int repeat = a.getInt("repeat", 3);
    ZoneTransfer.Result[] runs = new ZoneTransfer.Result[repeat];
    for (int i = 0; i < repeat; i++) {
      runs[i] = ZoneTransfer.axfr(a.host(), a.port(), a.zone(), timeout);
    }
    Arrays.sort(runs, (x, y) -> Long.compare(x.nanos(), y.nanos()));
    ZoneTransfer.Result median = runs[repeat / 2];
    Stats.out("axfr_rrs", median.rrs());
    Stats.out("axfr_bytes", median.bytes());
    Stats.out("axfr_messages", median.messages());
    Stats.out("axfr_s", median.seconds());
    Stats.out("axfr_best_s", runs[0].seconds());
    Stats.out("axfr_rr_per_s", median.rrs() / median.seconds());
    Stats.out("axfr_bytes_per_rr", (double) median.bytes() / median.rrs());
  }
}
