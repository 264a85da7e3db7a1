package org.rpzx.core.consumer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A consumer of the zone: a resolver (or a group of resolvers) of an institution that transfers the
 * zone by a TSIG key, from allowed subnets, or both.
 *
 * @param name unique name (compared case-insensitively), e.g. {@code uni-a-resolvers}
 * @param institution the institution it belongs to
 * @param key its TSIG key, if it has one
 * @param subnets canonical CIDR blocks it transfers from; empty: any source (only with a key)
 * @param notifyTargets where NOTIFY is sent on each new serial
 */
public record Consumer(
    long id,
    String name,
    String institution,
    Optional<ConsumerKey> key,
    List<String> subnets,
    List<NotifyTarget> notifyTargets,
    Instant createdAt) {

  public Consumer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(institution, "institution");
    Objects.requireNonNull(key, "key");
    subnets = List.copyOf(subnets);
    notifyTargets = List.copyOf(notifyTargets);
  }
}
