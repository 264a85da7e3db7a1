package org.rpzx.core.lists;

import java.time.Instant;

/**
 * A name delisted as a false positive: submissions of exactly this name are rejected {@code
 * suppressed} until {@code until} (null: until the suppression is removed).
 */
public record Suppression(
    String name, String reason, Instant until, String addedBy, Instant addedAt) {

  /** Whether the suppression is in force at {@code now}. */
  public boolean activeAt(Instant now) {
    return until == null || until.isAfter(now);
  }
}
