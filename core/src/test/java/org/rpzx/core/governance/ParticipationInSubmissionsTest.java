package org.rpzx.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.consumer.TransferKind;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionReport;

/** The participation rule as submission processing applies it: a warning, or a refusal. */
class ParticipationInSubmissionsTest {

  private static final String NOTICE =
      "institution Uni A is not participating: none of its consumers checked the zone in the last"
          + " 7 days";

  @TempDir Path dir;
  private GovernanceFixture f;

  @BeforeEach
  void setUp() {
    f = new GovernanceFixture(dir);
    f.addConsumer("a-resolver", "Uni A");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private SubmissionOutcome submit(ParticipationMode mode, String line) {
    ParticipationPolicy policy = new ParticipationPolicy(f.db, f.clock, mode, Duration.ofDays(7));
    return GovernanceFixture.submit(
        f.service(policy, PlausibilitySettings.disabled()), f.identity(GovernanceFixture.A), line);
  }

  @Test
  void warnAppliesTheSubmissionAndCarriesTheWarningInTheReport() {
    SubmissionOutcome out = submit(ParticipationMode.WARN, "warned.example.org");
    SubmissionReport r = ((SubmissionOutcome.Applied) out).report();
    assertThat(r.warnings()).containsExactly(NOTICE);
    assertThat(r.summary())
        .as("the SMTP reply keeps its form")
        .isEqualTo("submission " + r.id() + ": 1 accepted, 0 rejected");
    assertThat(f.zone.current().contains("warned.example.org")).isTrue();
  }

  @Test
  void refuseStoresNothingUntilAConsumerChecksTheZone() {
    assertThat(submit(ParticipationMode.REFUSE, "refused.example.org"))
        .isEqualTo(new SubmissionOutcome.Refused(NOTICE));
    assertThat(f.submissions(null)).isEmpty();

    f.contact("a-resolver", TransferKind.SOA_QUERY);
    SubmissionOutcome out = submit(ParticipationMode.REFUSE, "accepted.example.org");
    SubmissionReport r = ((SubmissionOutcome.Applied) out).report();
    assertThat(r.warnings()).isEmpty();
    assertThat(f.zone.current().contains("accepted.example.org")).isTrue();
  }
}
