package org.rpzx.core.consumer;

import java.time.Duration;
import java.time.Instant;

/**
 * The transfer log of one consumer: its last SOA check and its last transfer (null fields: never).
 *
 * @param soaCheckedAt when it last queried the SOA
 * @param soaSerial the serial that SOA answer carried
 * @param transferAt when its last transfer ended
 * @param transferKind what that transfer was
 * @param transferSerial the serial it brought the consumer to
 * @param transferBytes bytes it took
 * @param transferDuration how long it took
 * @param transferComplete false when the connection ended before the transfer did
 * @param transfers transfers recorded so far
 */
public record ConsumerActivity(
    Instant soaCheckedAt,
    Long soaSerial,
    String soaClient,
    Instant transferAt,
    TransferKind transferKind,
    Long transferSerial,
    Long transferBytes,
    Duration transferDuration,
    String transferClient,
    Boolean transferComplete,
    long transfers) {

  /** No contact yet. */
  public static final ConsumerActivity NONE =
      new ConsumerActivity(null, null, null, null, null, null, null, null, null, null, 0);

  /** The latest SOA check or transfer, or null. */
  public Instant lastContact() {
    if (soaCheckedAt == null) {
      return transferAt;
    }
    if (transferAt == null) {
      return soaCheckedAt;
    }
    return soaCheckedAt.isAfter(transferAt) ? soaCheckedAt : transferAt;
  }

  /** The serial the consumer holds as far as rpzx knows: that of its last complete transfer. */
  public Long heldSerial() {
    return Boolean.TRUE.equals(transferComplete) ? transferSerial : null;
  }
}
