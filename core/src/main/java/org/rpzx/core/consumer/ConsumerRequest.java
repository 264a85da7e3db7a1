package org.rpzx.core.consumer;

import java.util.List;

/**
 * What the operator asks for when adding a consumer, as typed (validated by {@link
 * ConsumerRegistry#add}).
 *
 * @param name the consumer's name
 * @param institution name of an existing institution
 * @param keyName name of a TSIG key to generate, or null for none
 * @param algorithm the key's algorithm (null: {@code hmac-sha256})
 * @param subnets CIDR blocks transfers may come from
 * @param notifyTargets {@code IP:PORT} or {@code [IPv6]:PORT}
 */
public record ConsumerRequest(
    String name,
    String institution,
    String keyName,
    String algorithm,
    List<String> subnets,
    List<String> notifyTargets) {

  public ConsumerRequest {
    subnets = subnets == null ? List.of() : List.copyOf(subnets);
    notifyTargets = notifyTargets == null ? List.of() : List.copyOf(notifyTargets);
  }
}
