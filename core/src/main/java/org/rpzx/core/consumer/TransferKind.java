package org.rpzx.core.consumer;

import java.util.Optional;

/** What a consumer asked for and got, as recorded in its transfer log. */
public enum TransferKind {
  /** An SOA query: the consumer checked the serial. */
  SOA_QUERY("soa"),
  AXFR("axfr"),
  /** IXFR answered with the differences. */
  IXFR("ixfr"),
  /** IXFR from the current serial: answered with the SOA alone. */
  IXFR_UP_TO_DATE("ixfr-up-to-date"),
  /** IXFR from a serial older than the journal: answered with the full zone. */
  IXFR_FULL("ixfr-full");

  private final String code;

  TransferKind(String code) {
    this.code = code;
  }

  /** Stable lower-case code, as stored and shown. */
  public String code() {
    return code;
  }

  public static Optional<TransferKind> ofCode(String code) {
    for (TransferKind k : values()) {
      if (k.code.equals(code)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
