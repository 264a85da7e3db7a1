package org.rpzx.core.consumer;

/**
 * The result of {@link ConsumerRegistry#rotateKey}: the key's new state and the new key itself,
 * whose secret is handed out this once (the operator passes it on to the consumer).
 */
public record RotatedKey(TsigKeyInfo info, ConsumerKey key) {}
