package org.rpzx.dns.access;

/** The outcome of {@link TransferAuthorizer#authorize}: a value, never an exception. */
public sealed interface TransferDecision {

  /** The transfer may proceed; {@code consumer} names who it was recognised as (for the log). */
  record Allowed(String consumer) implements TransferDecision {}

  /** The transfer is refused (answered REFUSED); {@code reason} is for the log only. */
  record Refused(String reason) implements TransferDecision {}
}
