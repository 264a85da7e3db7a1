package org.rpzx.core.report;

import java.util.Optional;

/** Where a false-positive report stands; the code is how the store and the API spell it. */
public enum ReportStatus {
  OPEN("open"),
  CONFIRMED("confirmed"),
  DISMISSED("dismissed");

  private final String code;

  ReportStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The status spelled {@code code}, or empty for an unknown one. */
  public static Optional<ReportStatus> fromCode(String code) {
    for (ReportStatus s : values()) {
      if (s.code.equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
