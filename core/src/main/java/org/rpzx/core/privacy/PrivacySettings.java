package org.rpzx.core.privacy;

import java.time.Duration;
import java.util.Objects;

/**
 * Retention of what rpzx knows about who submitted what (SPEC §7).
 *
 * @param submissionRetention submission records (sender, message id, per-line report) are deleted
 *     this long after they were received; so are the links of expired entries to the institutions
 *     that submitted them
 * @param keepRawMessages whether received messages are stored as they arrived
 * @param rawMessageRetention how long a stored raw message is kept (at most as long as its
 *     submission)
 * @param auditRetention how long audit records of API actions are kept
 * @param interval how often the retention job runs (it also runs once at start)
 */
public record PrivacySettings(
    Duration submissionRetention,
    boolean keepRawMessages,
    Duration rawMessageRetention,
    Duration auditRetention,
    Duration interval) {

  public PrivacySettings {
    positive(submissionRetention, "submission retention");
    positive(rawMessageRetention, "raw message retention");
    positive(auditRetention, "audit retention");
    positive(interval, "retention interval");
  }

  /** 180 days of submissions, no raw messages (30 days if enabled), a year of audit; hourly. */
  public static PrivacySettings defaults() {
    return new PrivacySettings(
        Duration.ofDays(180),
        false,
        Duration.ofDays(30),
        Duration.ofDays(365),
        Duration.ofHours(1));
  }

  private static void positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
  }
}
