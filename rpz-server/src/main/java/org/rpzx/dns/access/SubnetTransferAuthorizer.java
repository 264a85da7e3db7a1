package org.rpzx.dns.access;

/** Allows transfers from source addresses inside the configured subnets. */
final class SubnetTransferAuthorizer implements TransferAuthorizer {

  private final CidrMatcher allowed;

  SubnetTransferAuthorizer(CidrMatcher allowed) {
    this.allowed = allowed;
  }

  @Override
  public TransferDecision authorize(TransferRequest request) {
    if (allowed.matches(request.client())) {
      return new TransferDecision.Allowed(request.client().getHostAddress());
    }
    return new TransferDecision.Refused(
        "source " + request.client().getHostAddress() + " not in allow-transfer " + allowed);
  }
}
