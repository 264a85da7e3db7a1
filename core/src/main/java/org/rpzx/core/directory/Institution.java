package org.rpzx.core.directory;

import java.time.Instant;

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
}
