package org.rpzx.dns.ratelimit;

/** What to do with one UDP response. */
public enum RateLimitDecision {
  /** Within the rate: send it. */
  SEND,
  /** Over the rate, but send an empty truncated answer so a real client retries over TCP. */
  SLIP,
  /** Over the rate: send nothing. */
  DROP
}
