package org.rpzx.dns.transport;

import java.util.ArrayDeque;

/**
 * Bounds how many transfers encode at once, server-wide: a transfer takes a permit for one burst of
 * messages (until its channel stops being writable or the burst is full) and gives it back, so that
 * transfers take turns and encoding never occupies more than {@code permits} threads. What is left
 * of the processors answers queries. A transfer that finds no free permit waits in line and is
 * handed one by the transfer that releases it. While UDP queries queue up ({@link QueryPressure}),
 * transfers do not start a burst: they ask again shortly. Thread-safe.
 */
public final class TransferGate {

  private final int permits;
  private final QueryPressure pressure;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int inUse;

  /**
   * @param permits transfers that may encode at the same time (at least 1)
   */
  public TransferGate(int permits) {
    this(permits, QueryPressure.none());
  }

  /**
   * @param permits transfers that may encode at the same time (at least 1)
   * @param pressure the UDP backlog signal transfers yield to
   */
  public TransferGate(int permits, QueryPressure pressure) {
    if (permits < 1) {
      throw new IllegalArgumentException("a transfer gate needs at least one permit");
    }
    this.permits = permits;
    this.pressure = pressure;
  }

  /** A gate that never makes a transfer wait. */
  public static TransferGate unlimited() {
    return new TransferGate(Integer.MAX_VALUE);
  }

  /** Whether transfers should not start a burst now, because UDP queries are queueing. */
  public boolean yieldingToQueries() {
    return pressure.active();
  }

  /**
   * Takes a permit if one is free. Otherwise {@code granted} joins the line and is run, on the
   * thread that releases a permit, once the permit has passed to it; it must then either use the
   * permit or {@link #release()} it.
   *
   * @return whether the permit was taken now
   */
  public boolean acquire(Runnable granted) {
    synchronized (this) {
      if (inUse < permits) {
        inUse++;
        return true;
      }
      waiting.add(granted);
      return false;
    }
  }

  /** Gives a permit back; the first in line gets it. */
  public void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        inUse--;
      }
    }
    if (next != null) {
      next.run();
    }
  }

  /**
   * Leaves the line.
   *
   * @return false when {@code granted} was no longer waiting (it has been or is being handed a
   *     permit, which it must release)
   */
  public boolean cancel(Runnable granted) {
    synchronized (this) {
      return waiting.remove(granted);
    }
  }

  /** Permits taken now (for tests and the operator). */
  public synchronized int inUse() {
    return inUse;
  }

  /** Transfers waiting for a permit now. */
  public synchronized int waiting() {
    return waiting.size();
  }
}
