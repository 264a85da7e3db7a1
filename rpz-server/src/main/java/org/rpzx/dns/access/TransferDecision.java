package org.rpzx.dns.access;

/** The outcome of {@link TransferAuthorizer#authorize}: a value, never an exception. */
public sealed interface TransferDecision {

  /**
   * The transfer may proceed; {@code consumer} names the consumer it was recognised as (for the
   * log), or is null when it was allowed by subnet without being a known consumer.
   */
  record Allowed(String consumer) implements TransferDecision {}

  /** The transfer is refused (answered REFUSED); {@code reason} is for the log only. */
  record Refused(String reason) implements TransferDecision {}
}
