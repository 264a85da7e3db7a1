package org.rpzx.core.zone;

/**
 * SOA serial arithmetic per RFC 1982 with SERIAL_BITS = 32. Serials are carried as {@code long} in
 * {@code [0, 2^32)}.
 */
public final class Serial {

  private static final long MOD = 1L << 32;
  private static final long HALF = 1L << 31;

  private Serial() {}

  /** Whether {@code s} is a valid 32-bit serial. */
  public static boolean isValid(long s) {
    return s >= 0 && s < MOD;
  }

  /** {@code s + n} modulo 2^32, for {@code 0 <= n <= 2^31 - 1} (RFC 1982 §3.1). */
  public static long add(long s, long n) {
    if (n < 0 || n > HALF - 1) {
      throw new IllegalArgumentException("serial increment out of range: " + n);
    }
    return (check(s) + n) % MOD;
  }

  /**
   * Compares per RFC 1982 §3.2: negative if {@code a < b}, positive if {@code a > b}, zero if
   * equal. The comparison of two serials exactly 2^31 apart is undefined by the RFC; this returns 0
   * for them neither newer nor older, so callers treat such a pair as "not newer".
   */
  public static int compare(long a, long b) {
    check(a);
    check(b);
    if (a == b) {
      return 0;
    }
    long d = (b - a + MOD) % MOD; // distance from a forward to b
    if (d == HALF) {
      return 0;
    }
    return d < HALF ? -1 : 1;
  }

  /** Whether {@code a} is strictly newer than {@code b}. */
  public static boolean isNewer(long a, long b) {
    return a != b && compare(a, b) > 0;
  }

  /**
   * The serial after {@code current}: the clock ({@code epochSeconds} mod 2^32) when that is newer,
   * otherwise {@code current + 1}. Clock-based serials keep a re-created zone ahead of what
   * secondaries hold; the +1 fallback keeps serials strictly increasing whatever the clock does.
   */
  public static long next(long current, long epochSeconds) {
    long clock = Math.floorMod(epochSeconds, MOD);
    long plusOne = add(current, 1);
    return isNewer(clock, current) ? clock : plusOne;
  }

  private static long check(long s) {
    if (!isValid(s)) {
      throw new IllegalArgumentException("not a 32-bit serial: " + s);
    }
    return s;
  }
}
