package org.rpzx.core.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One SOA check or transfer by a known consumer, to be recorded in its transfer log.
 *
 * @param consumer the consumer's name
 * @param kind what was served
 * @param serial the serial the consumer ends up with (for an SOA check: the serial answered)
 * @param bytes bytes written to the consumer
 * @param duration from the query to the last message
 * @param client the source address, as text
 * @param at when it ended
 * @param complete false when the connection ended before the transfer did
 */
public record TransferObservation(
    String consumer,
    TransferKind kind,
    long serial,
    long bytes,
    Duration duration,
    String client,
    Instant at,
    boolean complete) {

  public TransferObservation {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(at, "at");
  }
}
