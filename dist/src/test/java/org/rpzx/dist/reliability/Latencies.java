package org.rpzx.dist.reliability;

import java.util.Arrays;

/** Recorded latencies (nanoseconds) of one writer thread, and their percentiles. */
final class Latencies {

  /** Percentiles in milliseconds of what was recorded (all zero when nothing was). */
  record Summary(long count, double p50, double p99, double p999, double max) {

    String line() {
      return String.format(
          "p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms", p50, p99, p999, max);
    }
  }

  private long[] values = new long[1024];
  private int size;

  synchronized void record(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  synchronized Summary summary() {
    if (size == 0) {
      return new Summary(0, 0, 0, 0, 0);
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    return new Summary(
        size,
        ms(at(sorted, 0.50)),
        ms(at(sorted, 0.99)),
        ms(at(sorted, 0.999)),
        ms(sorted[size - 1]));
  }

  /** Nearest-rank percentile. */
  private static long at(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
