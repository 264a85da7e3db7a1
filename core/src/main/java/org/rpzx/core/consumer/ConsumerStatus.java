package org.rpzx.core.consumer;

/** A consumer with its transfer log. */
public record ConsumerStatus(Consumer consumer, ConsumerActivity activity) {}
