package org.rpzx.core.governance;

import java.time.Duration;
import java.util.Objects;

/**
 * Governance settings as core needs them (the edge reads them from its configuration).
 *
 * @param participation what happens to submissions of a non-participating institution
 * @param participationWindow how recent a consumer's SOA check or transfer must be
 * @param plausibility the plausibility guard
 */
public record GovernanceSettings(
    ParticipationMode participation,
    Duration participationWindow,
    PlausibilitySettings plausibility) {

  public GovernanceSettings {
    Objects.requireNonNull(participation);
    Objects.requireNonNull(plausibility);
    if (participationWindow == null
        || participationWindow.isNegative()
        || participationWindow.isZero()) {
      throw new IllegalArgumentException("participation window must be positive");
    }
  }

  /** Warn after 7 days without contact; plausibility guard off. */
  public static GovernanceSettings defaults() {
    return new GovernanceSettings(
        ParticipationMode.WARN, Duration.ofDays(7), PlausibilitySettings.disabled());
  }
}
