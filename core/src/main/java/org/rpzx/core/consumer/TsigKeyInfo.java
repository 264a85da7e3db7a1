package org.rpzx.core.consumer;

import java.time.Instant;

/**
 * A TSIG key as the operator lists it: never its secret.
 *
 * @param name key name, lower-case, without trailing dot
 * @param algorithm its HMAC algorithm
 * @param consumer the consumer that transfers with it (null if none, which the registry avoids)
 * @param institution that consumer's institution (null with it)
 * @param createdAt when the current secret was generated: at creation, or at the last rotation
 */
public record TsigKeyInfo(
    String name, KeyAlgorithm algorithm, String consumer, String institution, Instant createdAt) {}
