package org.rpzx.smtp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * How many mail transactions each source may start: a token bucket per source holding {@code
 * perMinute} tokens, refilled evenly over a minute. A source is an IPv4 address or an IPv6 /64 (one
 * host usually has a whole /64, so counting single IPv6 addresses would count nothing).
 *
 * <p>Buckets live in a bounded Caffeine cache and are dropped a minute after their last use, when
 * they would be full again anyway; the bound keeps a flood of sources from growing memory.
 */
final class SourceRateLimiter {

  static final Duration WINDOW = Duration.ofMinutes(1);
  static final int MAX_TRACKED_SOURCES = 100_000;

  private final int perMinute;
  private final Ticker ticker;
  private final Cache<String, TokenBucket> buckets;

  SourceRateLimiter(int perMinute, Ticker ticker) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be positive");
    }
    this.perMinute = perMinute;
    this.ticker = ticker;
    this.buckets =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterAccess(WINDOW)
            .maximumSize(MAX_TRACKED_SOURCES)
            .build();
  }

  SourceRateLimiter(int perMinute) {
    this(perMinute, Ticker.systemTicker());
  }

  /** Takes a token for {@code source}; false when its bucket is empty. */
  boolean tryAcquire(InetAddress source) {
    long now = ticker.read();
    return buckets
        .get(key(source), k -> new TokenBucket(perMinute, WINDOW.toNanos(), now))
        .tryTake(now);
  }

  /** The source an address counts for: itself (IPv4) or its /64 (IPv6). */
  static String key(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      return HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64";
    }
    return address.getHostAddress();
  }
}
