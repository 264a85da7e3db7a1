package org.rpzx.dns.transport;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether UDP queries are queueing up: the UDP handler reports a read burst that found several
 * datagrams waiting (its thread was kept from the CPU), and transfers pause their encoding while
 * that was seen recently. On a machine whose cores are saturated, Linux shares them fairly between
 * runnable threads, so the two transfer loops and the submission threads would otherwise keep the
 * UDP thread from the CPU until its socket buffer overflows; queries come first. Thread-safe.
 */
public final class QueryPressure {

  /** Datagrams in one read burst that mean a queue had formed (an idle socket yields 1–2). */
  public static final int BACKLOG_BURST = 4;

  /** How long one backlogged burst keeps transfers paused. */
  public static final long HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  private static final QueryPressure NONE = new QueryPressure(() -> Long.MIN_VALUE, 0);

  private final LongSupplier nanoClock;
  private final long holdNanos;
  private volatile long until;

  /** Pressure on the system's monotonic clock with the default hold. */
  public QueryPressure() {
    this(System::nanoTime, HOLD_NANOS);
  }

  /**
   * @param nanoClock a monotonic clock in nanoseconds (tests pass a controlled one)
   * @param holdNanos how long a backlog keeps the pressure on
   */
  public QueryPressure(LongSupplier nanoClock, long holdNanos) {
    this.nanoClock = nanoClock;
    this.holdNanos = holdNanos;
    this.until = nanoClock.getAsLong();
  }

  /** Pressure that is never on (a server without UDP, tests of transfers alone). */
  public static QueryPressure none() {
    return NONE;
  }

  /** A UDP read burst of {@code datagrams}; a backlog turns the pressure on for the hold time. */
  public void readBurst(int datagrams) {
    if (datagrams >= BACKLOG_BURST && this != NONE) {
      until = nanoClock.getAsLong() + holdNanos;
    }
  }

  /** Whether transfers should hold back now. */
  public boolean active() {
    return this != NONE && nanoClock.getAsLong() - until < 0;
  }
}
