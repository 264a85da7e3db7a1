package org.rpzx.core.directory;

import java.time.Instant;
import java.util.Optional;

/**
 * A participating institution. {@code requireSmime} null means the global setting applies. A
 * suspension with {@code suspendedUntil} in the past no longer applies.
 */
public record Institution(
    long id,
    String name,
    boolean suspended,
    Instant suspendedUntil,
    String suspendReason,
    Boolean requireSmime,
    Instant createdAt) {

  /** Whether a suspension is in force at {@code now}. */
  public boolean isSuspendedAt(Instant now) {
    return suspended && (suspendedUntil == null || now.isBefore(suspendedUntil));
  }

  /**
   * Why this institution may not submit at {@code now}, e.g. {@code institution Uni A is suspended
   * until 2026-12-31T00:00:00Z: reason}; empty when it is not suspended. Safe for an SMTP reply
   * once the edge has made it one line.
   */
  public Optional<String> suspensionNotice(Instant now) {
    if (!isSuspendedAt(now)) {
      return Optional.empty();
    }
    String until = suspendedUntil == null ? " indefinitely" : " until " + suspendedUntil;
    String why = suspendReason == null || suspendReason.isBlank() ? "" : ": " + suspendReason;
    return Optional.of("institution " + name + " is suspended" + until + why);
  }
}
