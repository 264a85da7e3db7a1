package org.rpzx.core.submission;

import java.util.Optional;

/**
 * Where a stored submission stands. Without the plausibility guard every submission is {@link
 * #APPLIED}; the guard may {@link #HOLD} one for the operator, who releases (then it is applied) or
 * discards it.
 */
public enum SubmissionStatus {
  /** Its accepted names went into the entries (at receipt, or when the operator released it). */
  APPLIED("applied"),
  /** Stored, its names not applied: waiting for the operator's review. */
  HELD("held"),
  /** Held, then dropped by the operator: its names were never applied. */
  DISCARDED("discarded");

  private final String code;

  SubmissionStatus(String code) {
    this.code = code;
  }

  /** The stored and shown code. */
  public String code() {
    return code;
  }

  public static Optional<SubmissionStatus> ofCode(String code) {
    for (SubmissionStatus s : values()) {
      if (s.code.equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
