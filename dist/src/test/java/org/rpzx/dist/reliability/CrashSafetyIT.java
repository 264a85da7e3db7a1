package org.rpzx.dist.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness against the packaged jar: 5 trials by default (CI), {@code
 * -Drpzx.crash.trials=100} for the full run recorded in {@code docs/reliability.md}.
 */
class CrashSafetyIT {

  @TempDir Path work;

  @Test
  void killDashNineLosesNothingAcknowledgedAndLeavesNoHalfChangeSet() throws Exception {
    CrashHarness.Settings settings = CrashHarness.Settings.fromSystemProperties();
    CrashReport report = CrashHarness.run(settings, work, System.out);

    assertThat(report.failures()).as(report.summary()).isEmpty();
    assertThat(report.trials()).hasSize(settings.trials());
    // the harness must have exercised something: acknowledged submissions across the kills
    assertThat(report.acknowledged()).as("acknowledged submissions").isPositive();
    assertThat(report.ok()).isTrue();
  }
}
