package org.rpzx.bench.suite;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a sample, nearest-rank. */
final class Stats {

  private Stats() {}

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** {@code prefix_p50_ms}, {@code prefix_p99_ms}, {@code prefix_max_ms} lines from nanoseconds. */
  static void printMillis(String prefix, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    out(prefix + "_n", s.length);
    out(prefix + "_p50_ms", percentile(s, 50) / 1e6);
    out(prefix + "_p99_ms", percentile(s, 99) / 1e6);
    out(prefix + "_max_ms", s.length == 0 ? Double.NaN : s[s.length - 1] / 1e6);
  }

  static void out(String key, double value) {
    System.out.println(key + "=" + String.format(Locale.ROOT, "%.3f", value));
  }

  static void out(String key, long value) {
    System.out.println(key + "=" + value);
  }
}
