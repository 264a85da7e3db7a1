package org.rpzx.smtp;

import java.util.List;
import java.util.Objects;
import org.rpzx.core.report.ReportPort;

/**
 * Where false-positive reports come in by mail: the report addresses (none: the receiver takes no
 * reports) and the core port that files them. A report address must not also be a community
 * address.
 */
public record ReportIntake(List<String> addresses, ReportPort port) {

  public ReportIntake {
    addresses = List.copyOf(addresses);
    if (!addresses.isEmpty()) {
      Objects.requireNonNull(port, "a report address needs a report port");
    }
  }

  /** No report addresses. */
  public static ReportIntake none() {
    return new ReportIntake(List.of(), null);
  }

  public boolean enabled() {
    return !addresses.isEmpty();
  }
}
