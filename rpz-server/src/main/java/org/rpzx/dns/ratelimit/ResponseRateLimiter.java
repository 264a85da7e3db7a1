package org.rpzx.dns.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.rpzx.dns.access.CidrMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets per client prefix: each prefix may receive {@code responsesPerSecond} responses a
 * second (and a burst of as many); beyond that responses are dropped, every {@code slip}-th one
 * sent truncated instead. Thread-safe.
 */
public final class ResponseRateLimiter {

  private static final Logger LOG = LoggerFactory.getLogger(ResponseRateLimiter.class);
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** A bucket idle this long is full again, so forgetting it changes nothing. */
  private static final Duration IDLE = Duration.ofSeconds(5);

  private record PrefixKey(long bits, boolean ipv6) {}

  private static final class Bucket {
    private double tokens;
    private long refilledAt;
    private long dropped;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }
  }

  private final RateLimitSettings settings;
  private final CidrMatcher exempt;
  private final LongSupplier nanoTime;
  private final Cache<PrefixKey, Bucket> buckets;
  private final long v4Mask;
  private final long v6Mask;

  /**
   * @param nanoTime monotonic time in nanoseconds ({@code System::nanoTime}; a fake in tests)
   */
  public ResponseRateLimiter(RateLimitSettings settings, LongSupplier nanoTime) {
    this.settings = settings;
    this.exempt = new CidrMatcher(settings.exempt());
    this.nanoTime = nanoTime;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(settings.maxTrackedPrefixes())
            .expireAfterAccess(IDLE)
            .ticker(nanoTime::getAsLong)
            .executor(Runnable::run)
            .build();
    this.v4Mask = -1L << (32 - settings.ipv4PrefixLength());
    this.v6Mask = -1L << (64 - settings.ipv6PrefixLength());
  }

  public static ResponseRateLimiter create(RateLimitSettings settings) {
    return new ResponseRateLimiter(settings, System::nanoTime);
  }

  /** Whether to send, slip or drop the next response to {@code client}. */
  public RateLimitDecision decide(InetAddress client) {
    if (!settings.enabled() || exempt.matches(client)) {
      return RateLimitDecision.SEND;
    }
    long now = nanoTime.getAsLong();
    int rate = settings.responsesPerSecond();
    Bucket bucket = buckets.get(key(client), k -> new Bucket(rate, now));
    synchronized (bucket) {
      long elapsed = now - bucket.refilledAt;
      if (elapsed > 0) {
        bucket.tokens = Math.min(rate, bucket.tokens + (double) elapsed * rate / NANOS_PER_SECOND);
        bucket.refilledAt = now;
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return RateLimitDecision.SEND;
      }
      bucket.dropped++;
      if (bucket.dropped == 1) {
        LOG.info("rate limiting UDP responses to {}/{}", client.getHostAddress(), prefix(client));
      }
      int slip = settings.slip();
      return slip > 0 && bucket.dropped % slip == 0
          ? RateLimitDecision.SLIP
          : RateLimitDecision.DROP;
    }
  }

  /** Prefixes tracked now (after pending evictions). */
  public long trackedPrefixes() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  private int prefix(InetAddress client) {
    return isV6(client) ? settings.ipv6PrefixLength() : settings.ipv4PrefixLength();
  }

  private PrefixKey key(InetAddress client) {
    byte[] a = client.getAddress();
    if (!isV6(client)) {
      int off = a.length - 4; // IPv4, or the IPv4 address inside a mapped IPv6 one
      long v4 =
          ((a[off] & 0xffL) << 24)
              | ((a[off + 1] & 0xffL) << 16)
              | ((a[off + 2] & 0xffL) << 8)
              | (a[off + 3] & 0xffL);
      return new PrefixKey(v4 & v4Mask & 0xffffffffL, false);
    }
    long high = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (a[i] & 0xffL);
    }
    return new PrefixKey(high & v6Mask, true);
  }

  private static boolean isV6(InetAddress client) {
    if (!(client instanceof Inet6Address)) {
      return false;
    }
    byte[] a = client.getAddress();
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return true;
      }
    }
    return !(a[10] == (byte) 0xff && a[11] == (byte) 0xff);
  }
}
