package org.rpzx.dns.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.dns.ratelimit.RateLimitDecision.DROP;
import static org.rpzx.dns.ratelimit.RateLimitDecision.SEND;
import static org.rpzx.dns.ratelimit.RateLimitDecision.SLIP;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.rpzx.dns.access.CidrBlock;

class ResponseRateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private ResponseRateLimiter limiter(int rps, int slip) {
    RateLimitSettings s = RateLimitSettings.defaults().withResponsesPerSecond(rps).withSlip(slip);
    return new ResponseRateLimiter(s, now::get);
  }

  private static InetAddress ip(String text) throws Exception {
    return InetAddress.getByName(text);
  }

  private static List<RateLimitDecision> decide(ResponseRateLimiter l, InetAddress a, int n) {
    List<RateLimitDecision> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(l.decide(a));
    }
    return out;
  }

  private void advanceMillis(long ms) {
    now.addAndGet(ms * 1_000_000L);
  }

  @Test
  void burstOfTheRateThenEveryNthDroppedResponseSlips() throws Exception {
    ResponseRateLimiter l = limiter(20, 2);
    InetAddress a = ip("192.0.2.1");
    assertThat(decide(l, a, 20)).containsOnly(SEND);
    assertThat(decide(l, a, 6)).containsExactly(DROP, SLIP, DROP, SLIP, DROP, SLIP);
  }

  @Test
  void tokensRefillWithTimeUpToOneSecondsWorth() throws Exception {
    ResponseRateLimiter l = limiter(20, 0);
    InetAddress a = ip("192.0.2.1");
    decide(l, a, 25);
    advanceMillis(500);
    assertThat(decide(l, a, 11))
        .containsExactly(SEND, SEND, SEND, SEND, SEND, SEND, SEND, SEND, SEND, SEND, DROP);
    advanceMillis(60_000); // a long pause does not bank more than the burst
    assertThat(decide(l, a, 21)).filteredOn(d -> d == SEND).hasSize(20);
    advanceMillis(50); // one token per 50 ms at 20/s
    assertThat(decide(l, a, 2)).containsExactly(SEND, DROP);
  }

  @Test
  void countsPerSlash24AndPerSlash56() throws Exception {
    ResponseRateLimiter l = limiter(5, 0);
    decide(l, ip("192.0.2.1"), 5);
    assertThat(l.decide(ip("192.0.2.200"))).isEqualTo(DROP); // same /24
    assertThat(l.decide(ip("::ffff:192.0.2.9"))).isEqualTo(DROP); // mapped: the same /24
    assertThat(l.decide(ip("192.0.3.1"))).isEqualTo(SEND);

    decide(l, ip("2001:db8:0:100::1"), 5);
    assertThat(l.decide(ip("2001:db8:0:1ff::2"))).isEqualTo(DROP); // same /56
    assertThat(l.decide(ip("2001:db8:0:200::1"))).isEqualTo(SEND);
  }

  @Test
  void slipZeroDropsAllSlipOneTruncatesAll() throws Exception {
    ResponseRateLimiter never = limiter(1, 0);
    ResponseRateLimiter always = limiter(1, 1);
    InetAddress a = ip("203.0.113.5");
    assertThat(decide(never, a, 4)).containsExactly(SEND, DROP, DROP, DROP);
    assertThat(decide(always, a, 4)).containsExactly(SEND, SLIP, SLIP, SLIP);
  }

  @Test
  void exemptSourcesAndDisabledLimiterAlwaysSend() throws Exception {
    ResponseRateLimiter l = limiter(1, 0); // defaults exempt loopback
    assertThat(decide(l, ip("127.0.0.1"), 50)).containsOnly(SEND);
    assertThat(decide(l, ip("::1"), 50)).containsOnly(SEND);
    ResponseRateLimiter custom =
        new ResponseRateLimiter(
            RateLimitSettings.defaults()
                .withResponsesPerSecond(1)
                .withExempt(List.of(CidrBlock.parse("198.51.100.0/24"))),
            now::get);
    assertThat(decide(custom, ip("198.51.100.7"), 50)).containsOnly(SEND);
    assertThat(decide(custom, ip("127.0.0.1"), 2)).containsExactly(SEND, DROP);
    ResponseRateLimiter off = new ResponseRateLimiter(RateLimitSettings.OFF, now::get);
    assertThat(decide(off, ip("192.0.2.1"), 1000)).containsOnly(SEND);
  }

  @Test
  void idlePrefixesAreForgottenAndTheTableIsBounded() throws Exception {
    RateLimitSettings s = new RateLimitSettings(10, 2, 24, 56, List.of(), 100);
    ResponseRateLimiter l = new ResponseRateLimiter(s, now::get);
    for (int i = 0; i < 50; i++) {
      l.decide(ip("10.0." + i + ".1"));
    }
    assertThat(l.trackedPrefixes()).isEqualTo(50);
    advanceMillis(6_000);
    assertThat(l.trackedPrefixes()).isZero();
    for (int i = 0; i < 250; i++) {
      l.decide(ip("10." + i + ".0.1"));
    }
    assertThat(l.trackedPrefixes()).isLessThanOrEqualTo(100);
  }
}
