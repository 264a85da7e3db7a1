package org.rpzx.dns.query;

import java.net.InetAddress;

/**
 * A consumer checked or transferred the zone (feeds the participation check and the operator's view
 * of who is behind).
 *
 * @param client source address
 * @param consumer who the authorizer recognised (null for SOA checks, which need no authorization)
 * @param kind what was served
 * @param serial serial the client ends up with (for SOA checks: the serial answered)
 */
public record TransferEvent(InetAddress client, String consumer, Kind kind, long serial) {

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
