package org.rpzx.dns.ratelimit;

import java.util.List;
import org.rpzx.dns.access.CidrBlock;

/**
 * UDP response rate limiting.
 *
 * @param responsesPerSecond responses per second and client prefix, also the burst size; 0 turns
 *     rate limiting off
 * @param slip every {@code slip}-th response over the limit is sent as an empty truncated answer
 *     (TC=1), so a real client retries over TCP; 0 never, 1 always
 * @param ipv4PrefixLength IPv4 clients are counted per prefix of this length (1..32)
 * @param ipv6PrefixLength IPv6 clients are counted per prefix of this length (1..64)
 * @param exempt sources never limited (spoofing them from outside is not possible)
 * @param maxTrackedPrefixes prefixes tracked at once; the least recently seen are forgotten beyond
 */
public record RateLimitSettings(
    int responsesPerSecond,
    int slip,
    int ipv4PrefixLength,
    int ipv6PrefixLength,
    List<CidrBlock> exempt,
    int maxTrackedPrefixes) {

  public RateLimitSettings {
    exempt = List.copyOf(exempt);
    if (responsesPerSecond < 0) {
      throw new IllegalArgumentException("responsesPerSecond must not be negative");
    }
    if (slip < 0) {
      throw new IllegalArgumentException("slip must not be negative");
    }
    if (ipv4PrefixLength < 1 || ipv4PrefixLength > 32) {
      throw new IllegalArgumentException("IPv4 prefix length must be within 1..32");
    }
    if (ipv6PrefixLength < 1 || ipv6PrefixLength > 64) {
      throw new IllegalArgumentException("IPv6 prefix length must be within 1..64");
    }
    if (maxTrackedPrefixes < 1) {
      throw new IllegalArgumentException("maxTrackedPrefixes must be positive");
    }
  }

  /** Rate limiting off. */
  public static final RateLimitSettings OFF = new RateLimitSettings(0, 0, 24, 56, List.of(), 1);

  /**
   * 20 responses per second per /24 (IPv4) or /56 (IPv6), every 2nd excess response slipped (BIND's
   * default slip), loopback exempt, at most 100 000 prefixes tracked. A resolver checking the SOA
   * needs a fraction of that; a flood towards a spoofed victim is cut to the rate.
   */
  public static RateLimitSettings defaults() {
    return new RateLimitSettings(
        20,
        2,
        24,
        56,
        List.of(CidrBlock.parse("127.0.0.0/8"), CidrBlock.parse("::1/128")),
        100_000);
  }

  public boolean enabled() {
    return responsesPerSecond > 0;
  }

  public RateLimitSettings withResponsesPerSecond(int rps) {
    return new RateLimitSettings(
        rps, slip, ipv4PrefixLength, ipv6PrefixLength, exempt, maxTrackedPrefixes);
  }

  public RateLimitSettings withSlip(int n) {
    return new RateLimitSettings(
        responsesPerSecond, n, ipv4PrefixLength, ipv6PrefixLength, exempt, maxTrackedPrefixes);
  }

  public RateLimitSettings withExempt(List<CidrBlock> blocks) {
    return new RateLimitSettings(
        responsesPerSecond, slip, ipv4PrefixLength, ipv6PrefixLength, blocks, maxTrackedPrefixes);
  }
}
