package org.rpzx.dns.access;

/** The single decision point for AXFR and IXFR access. Must be thread-safe and fast. */
@FunctionalInterface
public interface TransferAuthorizer {

  TransferDecision authorize(TransferRequest request);

  /**
   * The consumer an SOA check comes from, for the transfer log; null when not recognised. Needs no
   * authorization (SOA is answered to everyone).
   */
  default String recognise(TransferRequest request) {
    return null;
  }

  /** Allows sources inside {@code allowed}; everyone else is refused. */
  static TransferAuthorizer bySubnet(CidrMatcher allowed) {
    return new SubnetTransferAuthorizer(allowed);
  }

  /** The default rules over the consumers: see {@link ConsumerTransferAuthorizer}. */
  static TransferAuthorizer forConsumers(CidrMatcher allowTransfer, ConsumerDirectory consumers) {
    return new ConsumerTransferAuthorizer(allowTransfer, consumers);
  }
}
