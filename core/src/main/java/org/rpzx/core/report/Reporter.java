package org.rpzx.core.report;

import java.util.Objects;

/**
 * Who files a report: an institution (through one of its tokens or registered senders) or the
 * operator ({@code institutionId} null). {@code label} says through what, e.g. {@code token:abc} or
 * a sender address; only the operator sees it.
 */
public record Reporter(Long institutionId, String label) {

  public Reporter {
    Objects.requireNonNull(label);
  }

  public static Reporter operator(String label) {
    return new Reporter(null, label);
  }

  public static Reporter institution(long institutionId, String label) {
    return new Reporter(institutionId, label);
  }

  public boolean isOperator() {
    return institutionId == null;
  }
}
