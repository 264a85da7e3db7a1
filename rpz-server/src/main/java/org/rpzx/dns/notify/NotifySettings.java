package org.rpzx.dns.notify;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How NOTIFY is sent.
 *
 * @param source local address and port NOTIFY leaves from (secondaries often accept NOTIFY only
 *     from the primary's address); port 0 picks a free one
 * @param firstRetry wait for an answer before the first retry; each further wait doubles
 * @param maxAttempts sends per target and serial, the first included (1..16)
 */
public record NotifySettings(InetSocketAddress source, Duration firstRetry, int maxAttempts) {

  public NotifySettings {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(firstRetry, "firstRetry");
    if (firstRetry.isNegative() || firstRetry.isZero()) {
      throw new IllegalArgumentException("firstRetry must be positive");
    }
    if (maxAttempts < 1 || maxAttempts > 16) {
      throw new IllegalArgumentException("maxAttempts must be within 1..16");
    }
  }

  /**
   * From any local address, retries after 1, 2, 4 and 8 s (5 sends, given up 31 s after the first).
   */
  public static NotifySettings defaults() {
    return new NotifySettings(new InetSocketAddress(0), Duration.ofSeconds(1), 5);
  }

  public NotifySettings withSource(InetSocketAddress address) {
    return new NotifySettings(address, firstRetry, maxAttempts);
  }

  public NotifySettings withRetries(Duration first, int attempts) {
    return new NotifySettings(source, first, attempts);
  }
}
