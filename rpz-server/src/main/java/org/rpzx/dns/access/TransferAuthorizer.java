package org.rpzx.dns.access;

/** The single decision point for AXFR and IXFR access. Must be thread-safe and fast. */
@FunctionalInterface
public interface TransferAuthorizer {

  TransferDecision authorize(TransferRequest request);

  /** Allows sources inside {@code allowed}; everyone else is refused. */
  static TransferAuthorizer bySubnet(CidrMatcher allowed) {
    return new SubnetTransferAuthorizer(allowed);
  }
}
