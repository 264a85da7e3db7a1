package org.rpzx.core.name;

import java.util.Objects;

/**
 * The verdict on one line of {@code domains.txt}: accepted as a normalised name, rejected with a
 * reason, or skipped (blank or comment). A value, never an exception.
 */
public sealed interface LineOutcome {

  /**
   * Accepted: {@code name} is lower-case A-label form, no trailing dot, wildcard prefix removed.
   */
  record Accepted(String name) implements LineOutcome {
    public Accepted {
      Objects.requireNonNull(name);
    }
  }

  /** Rejected with a reason code and a short human-readable detail. */
  record Rejected(RejectReason reason, String detail) implements LineOutcome {
    public Rejected {
      Objects.requireNonNull(reason);
      Objects.requireNonNull(detail);
    }
  }

  /** A blank line or a comment: neither accepted nor rejected. */
  record Skipped() implements LineOutcome {}

  static LineOutcome accepted(String name) {
    return new Accepted(name);
  }

  static LineOutcome rejected(RejectReason reason, String detail) {
    return new Rejected(reason, detail);
  }

  static LineOutcome skipped() {
    return SKIPPED;
  }

  /** The shared skipped instance. */
  LineOutcome SKIPPED = new Skipped();
}
