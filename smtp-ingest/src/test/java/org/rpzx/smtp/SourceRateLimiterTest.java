package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SourceRateLimiterTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final SourceRateLimiter limiter = new SourceRateLimiter(3, nanos::get);

  private void advanceSeconds(double s) {
    nanos.addAndGet((long) (s * TimeUnit.SECONDS.toNanos(1)));
  }

  private static InetAddress ip(String a) throws Exception {
    return InetAddress.getByName(a);
  }

  @Test
  void aBurstUpToTheLimitPassesThenTheSourceWaits() throws Exception {
    InetAddress a = ip("192.0.2.1");
    assertThat(limiter.tryAcquire(a)).isTrue();
    assertThat(limiter.tryAcquire(a)).isTrue();
    assertThat(limiter.tryAcquire(a)).isTrue();
    assertThat(limiter.tryAcquire(a)).isFalse();
    advanceSeconds(19); // 3 per minute: one token every 20 s
    assertThat(limiter.tryAcquire(a)).isFalse();
    advanceSeconds(1);
    assertThat(limiter.tryAcquire(a)).isTrue();
    assertThat(limiter.tryAcquire(a)).isFalse();
  }

  @Test
  void sourcesHaveTheirOwnBuckets() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire(ip("192.0.2.1"))).isTrue();
    }
    assertThat(limiter.tryAcquire(ip("192.0.2.1"))).isFalse();
    assertThat(limiter.tryAcquire(ip("192.0.2.2"))).isTrue();
  }

  @Test
  void anIdleBucketRefillsToItsCapacityOnly() throws Exception {
    InetAddress a = ip("192.0.2.1");
    assertThat(limiter.tryAcquire(a)).isTrue();
    advanceSeconds(3600);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire(a)).isTrue();
    }
    assertThat(limiter.tryAcquire(a)).isFalse();
  }

  @Test
  void ipv6CountsPerSlash64() throws Exception {
    for (int i = 1; i <= 3; i++) {
      assertThat(limiter.tryAcquire(ip("2001:db8:1:2::" + i))).isTrue();
    }
    assertThat(limiter.tryAcquire(ip("2001:db8:1:2:ffff::9"))).isFalse();
    assertThat(limiter.tryAcquire(ip("2001:db8:1:3::1"))).isTrue();
    assertThat(SourceRateLimiter.key(ip("2001:db8:1:2::7"))).isEqualTo("20010db800010002::/64");
    assertThat(SourceRateLimiter.key(ip("192.0.2.9"))).isEqualTo("192.0.2.9");
  }
}
