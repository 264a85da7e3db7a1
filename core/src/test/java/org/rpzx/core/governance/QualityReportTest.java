package org.rpzx.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.submission.SubmissionService;

/** Quality stats count exactly the submissions inside the window, of that institution only. */
class QualityReportTest {

  @TempDir Path dir;
  private GovernanceFixture f;
  private SubmissionService service;
  private final List<Object[]> counterCalls = new ArrayList<>();
  private QualityReport report;

  @BeforeEach
  void setUp() {
    f = new GovernanceFixture(dir);
    service = f.service(null, PlausibilitySettings.disabled());
    report =
        new QualityReport(
            f.db,
            f.clock,
            (id, since, until) -> {
              counterCalls.add(new Object[] {id, since, until});
              return 7;
            });
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void countsByReasonAndTheTopSitesShareOverTheWindow() {
    GovernanceFixture.submit(service, f.identity(GovernanceFixture.A), "outside.example.org");
    f.clock.advance(Duration.ofDays(20));
    Instant windowStart = f.clock.instant();
    f.clock.advance(Duration.ofDays(10));
    GovernanceFixture.submit(
        service,
        f.identity(GovernanceFixture.A),
        "# comment",
        "a.example.org",
        "b.example.org",
        "b.example.org",
        "mail.google.com",
        "com");
    GovernanceFixture.submit(
        service, f.identity(GovernanceFixture.A), "google.com", "192.0.2.1", "c.example.org");
    GovernanceFixture.submit(service, f.identity(GovernanceFixture.B), "google.com", "d.example");

    QualityStats s = report.stats("uni a", Duration.ofDays(10)).orElseThrow();
    assertThat(s.institution()).isEqualTo("Uni A");
    assertThat(s.since()).isEqualTo(windowStart);
    assertThat(s.until()).isEqualTo(f.clock.instant());
    assertThat(s.submissions()).isEqualTo(2);
    assertThat(s.linesAccepted()).isEqualTo(3);
    assertThat(s.linesRejected()).isEqualTo(4);
    assertThat(s.linesSkipped()).as("comment and repeated line").isEqualTo(2);
    assertThat(s.rejectedByReason())
        .containsEntry("top-sites", 2L)
        .containsEntry("public-suffix", 1L)
        .containsEntry("ip-address", 1L)
        .containsEntry("url", 0L)
        .hasSize(10);
    assertThat(s.topSitesShare()).isEqualTo(2.0 / 7);
    assertThat(s.falsePositives()).isEqualTo(7);
    long uniA = f.directory.institution("Uni A").orElseThrow().id();
    assertThat(counterCalls).hasSize(1);
    assertThat(counterCalls.get(0)).containsExactly(uniA, windowStart, f.clock.instant());

    QualityStats all = report.stats("Uni A", Duration.ofDays(30)).orElseThrow();
    assertThat(all.submissions()).as("the first one is exactly 30 days old").isEqualTo(3);
    assertThat(
            report.stats("Uni A", Duration.ofDays(30).minusMillis(1)).orElseThrow().submissions())
        .isEqualTo(2);
  }

  @Test
  void noSubmissionsGiveZerosAndAnUnknownInstitutionNothing() {
    QualityStats s = report.stats("Uni B", QualityReport.DEFAULT_WINDOW).orElseThrow();
    assertThat(s.submissions()).isZero();
    assertThat(s.topSitesShare()).isZero();
    assertThat(s.rejectedByReason().values()).containsOnly(0L);
    assertThat(report.stats("Nobody", QualityReport.DEFAULT_WINDOW)).isEmpty();
  }
}
