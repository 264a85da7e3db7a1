package org.rpzx.core.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rpzx.core.store.GovernanceStore.History;

/** The plausibility guard's thresholds, each at, just below and just above its limit. */
class PlausibilityGuardTest {

  private final PlausibilityGuard guard =
      new PlausibilityGuard(new PlausibilitySettings(true, 0.5, 10.0, 5));
  private final History enough = new History(5, 100);

  private static boolean held(PlausibilityVerdict v) {
    return v instanceof PlausibilityVerdict.Hold;
  }

  @Test
  void aRejectedShareAboveTheLimitIsHeldAtTheLimitItIsNot() {
    assertThat(held(guard.assess(50, 50, enough))).as("exactly 50%").isFalse();
    PlausibilityVerdict over = guard.assess(49, 51, enough);
    assertThat(over)
        .isEqualTo(new PlausibilityVerdict.Hold("51 of 100 lines rejected, more than 50%"));
  }

  @Test
  void moreThanTheSizeFactorTimesTheLargestEarlierSubmissionIsHeld() {
    assertThat(held(guard.assess(1000, 0, enough))).as("exactly 10 times").isFalse();
    assertThat(guard.assess(1001, 0, enough))
        .isEqualTo(
            new PlausibilityVerdict.Hold(
                "1001 lines, more than 10 times the largest earlier submission (100 lines)"));
  }

  @Test
  void theGuardWaitsForEnoughHistory() {
    History four = new History(4, 1);
    assertThat(held(guard.assess(0, 500, four))).isFalse();
    assertThat(held(guard.assess(500, 0, four))).isFalse();
    assertThat(held(guard.assess(0, 500, new History(5, 1)))).isTrue();
  }

  @Test
  void disabledItNeverHolds() {
    PlausibilityGuard off = new PlausibilityGuard(PlausibilitySettings.disabled());
    assertThat(off.enabled()).isFalse();
    assertThat(held(off.assess(0, 1_000_000, new History(100, 1)))).isFalse();
  }

  @Test
  void anEmptySubmissionIsNeverImplausibleAndEmptyHistoryCountsAsOneLine() {
    assertThat(held(guard.assess(0, 0, enough))).isFalse();
    assertThat(held(guard.assess(10, 0, new History(5, 0)))).isFalse();
    assertThat(held(guard.assess(11, 0, new History(5, 0)))).isTrue();
  }

  @Test
  void fractionalLimitsAreShownWithoutNoise() {
    PlausibilityGuard g = new PlausibilityGuard(new PlausibilitySettings(true, 0.125, 2.5, 1));
    assertThat(((PlausibilityVerdict.Hold) g.assess(6, 1, new History(1, 100))).reason())
        .isEqualTo("1 of 7 lines rejected, more than 12.5%");
    assertThat(((PlausibilityVerdict.Hold) g.assess(251, 0, new History(1, 100))).reason())
        .isEqualTo("251 lines, more than 2.5 times the largest earlier submission (100 lines)");
  }

  @Test
  void aShareThatIsNotExactInBinaryStillReadsWell() {
    PlausibilityGuard g = new PlausibilityGuard(new PlausibilitySettings(true, 0.1, 10, 1));
    assertThat(((PlausibilityVerdict.Hold) g.assess(8, 2, new History(1, 100))).reason())
        .isEqualTo("2 of 10 lines rejected, more than 10%");
  }

  @Test
  void nonsensicalSettingsAreRefused() {
    assertThatThrownBy(() -> new PlausibilitySettings(true, 1.5, 10, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PlausibilitySettings(true, 0.5, 0.5, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PlausibilitySettings(true, Double.NaN, 10, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PlausibilitySettings(true, 0.5, 10, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
