package org.rpzx.dns.access;

/**
 * Allows unsigned transfers from source addresses inside the configured subnets; a signed request
 * is refused (no consumer is known to own its key).
 */
final class SubnetTransferAuthorizer implements TransferAuthorizer {

  private final ConsumerTransferAuthorizer rules;

  SubnetTransferAuthorizer(CidrMatcher allowed) {
    this.rules = new ConsumerTransferAuthorizer(allowed, ConsumerDirectory.NONE);
  }

  @Override
  public TransferDecision authorize(TransferRequest request) {
    return rules.authorize(request);
  }
}
