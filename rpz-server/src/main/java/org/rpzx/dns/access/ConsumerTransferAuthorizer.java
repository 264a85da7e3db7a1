package org.rpzx.dns.access;

import java.net.InetAddress;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * The default transfer rules:
 *
 * <ul>
 *   <li>a signed request (its TSIG verified) needs a consumer whose key it is and whose subnets, if
 *       it has any, contain the source; the global allow-transfer list does not help it;
 *   <li>an unsigned request is allowed from the allow-transfer subnets (recognised as no consumer)
 *       or from the subnets of a consumer that has no key.
 * </ul>
 */
public final class ConsumerTransferAuthorizer implements TransferAuthorizer {

  private final CidrMatcher allowTransfer;
  private final ConsumerDirectory consumers;

  public ConsumerTransferAuthorizer(CidrMatcher allowTransfer, ConsumerDirectory consumers) {
    this.allowTransfer = allowTransfer;
    this.consumers = consumers;
  }

  @Override
  public TransferDecision authorize(TransferRequest request) {
    InetAddress source = request.client();
    if (request.verifiedKey().isPresent()) {
      Name key = request.verifiedKey().get();
      boolean keyKnown = false;
      for (ConsumerInfo c : consumers.consumers()) {
        if (c.tsigKey().isPresent() && c.tsigKey().get().equals(key)) {
          keyKnown = true;
          if (c.acceptsSource(source)) {
            return new TransferDecision.Allowed(c.name());
          }
        }
      }
      return new TransferDecision.Refused(
          keyKnown
              ? "key " + key + " not allowed from " + source.getHostAddress()
              : "key " + key + " belongs to no consumer");
    }
    Optional<ConsumerInfo> bySubnet = keylessBySubnet(source);
    if (bySubnet.isPresent()) {
      return new TransferDecision.Allowed(bySubnet.get().name());
    }
    if (allowTransfer.matches(source)) {
      return new TransferDecision.Allowed(null);
    }
    return new TransferDecision.Refused(
        "unsigned transfer from "
            + source.getHostAddress()
            + ": no consumer and not in allow-transfer");
  }

  @Override
  public String recognise(TransferRequest request) {
    if (request.verifiedKey().isPresent()) {
      Name key = request.verifiedKey().get();
      for (ConsumerInfo c : consumers.consumers()) {
        if (c.tsigKey().isPresent() && c.tsigKey().get().equals(key)) {
          return c.name();
        }
      }
      return null;
    }
    // an unsigned SOA check: any consumer whose subnets hold the source (keyed ones included:
    // resolvers often check the serial unsigned and transfer signed)
    for (ConsumerInfo c : consumers.consumers()) {
      if (!c.subnets().isEmpty() && c.acceptsSource(request.client())) {
        return c.name();
      }
    }
    return null;
  }

  private Optional<ConsumerInfo> keylessBySubnet(InetAddress source) {
    for (ConsumerInfo c : consumers.consumers()) {
      if (c.tsigKey().isEmpty() && c.acceptsSource(source)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
