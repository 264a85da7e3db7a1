package org.rpzx.smtp;

/**
 * A token bucket: holds up to {@code capacity} tokens and gains {@code capacity} tokens evenly over
 * {@code periodNanos}. Time is passed in, so the bucket is tested without waiting.
 */
final class TokenBucket {
  private final int capacity;
  private final double tokensPerNano;
  private double tokens;
  private long last;

  TokenBucket(int capacity, long periodNanos, long now) {
    this.capacity = capacity;
    this.tokensPerNano = (double) capacity / periodNanos;
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes one token if there is one at time {@code now} (nanoseconds, monotonic). */
  synchronized boolean tryTake(long now) {
    if (now > last) {
      tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
      last = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
