package org.rpzx.dns.query;

import java.net.InetAddress;
import java.time.Duration;

/**
 * A consumer checked or transferred the zone (feeds the participation check and the operator's view
 * of who is behind). A transfer sent as a stream of messages is recorded when it ends, with the
 * bytes actually handed to the socket and how long it took; everything else when it is answered.
 *
 * @param client source address
 * @param consumer the consumer it was recognised as, or null (unknown source, or a transfer allowed
 *     by the allow-transfer subnets alone)
 * @param kind what was served
 * @param serial serial the client ends up with (for SOA checks: the serial answered)
 * @param bytes bytes of the response(s) written, TCP length prefixes included
 * @param duration from receiving the query to writing the last message
 * @param complete false when the connection ended before the transfer did
 */
public record TransferEvent(
    InetAddress client,
    String consumer,
    Kind kind,
    long serial,
    long bytes,
    Duration duration,
    boolean complete) {

  /** What was served. */
  public enum Kind {
    SOA_QUERY,
    AXFR,
    IXFR_INCREMENTAL,
    IXFR_UP_TO_DATE,
    IXFR_FULL,
    REFUSED
  }
}
