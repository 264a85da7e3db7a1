package org.rpzx.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.SubmissionStore;
import org.rpzx.core.submission.SenderIdentity;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionReport;
import org.rpzx.core.submission.SubmissionService;
import org.rpzx.core.submission.SubmissionStatus;

/**
 * The plausibility guard inside submission processing, and the operator's release and discard: a
 * held submission is stored, answered, not applied; released, its names enter the zone with a
 * lifetime from the release.
 */
class HeldSubmissionsTest {

  @TempDir Path dir;
  private GovernanceFixture f;
  private SubmissionService service;
  private HeldSubmissions held;
  private SenderIdentity a;

  @BeforeEach
  void setUp() {
    f = new GovernanceFixture(dir);
    service = f.service(null, new PlausibilitySettings(true, 0.5, 10.0, 2));
    held =
        new HeldSubmissions(
            f.db,
            f.rules,
            f.maintainer,
            f.clock,
            GovernanceFixture.LIFETIME,
            Duration.ofSeconds(5));
    a = f.identity(GovernanceFixture.A);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private SubmissionReport submit(String... lines) {
    SubmissionOutcome out = GovernanceFixture.submit(service, a, lines);
    assertThat(out).isInstanceOf(SubmissionOutcome.Applied.class);
    return ((SubmissionOutcome.Applied) out).report();
  }

  private SubmissionStatus status(long id) {
    return f.db.read(c -> SubmissionStore.row(c, id)).orElseThrow().status();
  }

  private void twoNormalSubmissions() {
    assertThat(submit("one.example.org", "two.example.org").held()).isFalse();
    assertThat(submit("three.example.org", "com").held()).as("50% is not more than 50%").isFalse();
  }

  @Test
  void anImplausibleSubmissionIsStoredHeldAndNotApplied() {
    assertThat(submit("com", "net", "x.example.org").held())
        .as("no history yet: the guard does not apply")
        .isFalse();
    twoNormalSubmissions();
    SubmissionReport bad = submit("bad.example.org", "org", "co.uk", "http://x.example/");
    assertThat(bad.held()).isTrue();
    assertThat(bad.accepted()).isEqualTo(1);
    assertThat(bad.summary())
        .isEqualTo(
            "submission "
                + bad.id()
                + ": 1 accepted, 3 rejected; held for operator review (3 of 4 lines rejected,"
                + " more than 50%)");
    assertThat(status(bad.id())).isEqualTo(SubmissionStatus.HELD);
    assertThat(f.zone.current().contains("bad.example.org")).isFalse();
    assertThat(f.entry("bad.example.org")).isEmpty();
    assertThat(f.rejections(bad.id())).hasSize(3);
  }

  @Test
  void aSubmissionFarLargerThanAnyBeforeIsHeldAndHeldOnesDoNotRaiseTheBar() {
    twoNormalSubmissions();
    String[] big = new String[21];
    for (int i = 0; i < big.length; i++) {
      big[i] = "n" + i + ".example.org";
    }
    SubmissionReport first = submit(big);
    assertThat(first.holdReason())
        .isEqualTo("21 lines, more than 10 times the largest earlier submission (2 lines)");
    assertThat(submit(big).held()).as("the held one is not history").isTrue();
    String[] twenty = java.util.Arrays.copyOf(big, 20);
    assertThat(submit(twenty).held()).isFalse();
  }

  @Test
  void releaseAppliesTheNamesWithALifetimeFromTheReleaseAndOnlyOnce() {
    twoNormalSubmissions();
    SubmissionReport bad = submit("late.example.org", "org", "net", "com");
    assertThat(bad.held()).isTrue();
    f.clock.advance(Duration.ofDays(2));
    Instant releasedAt = f.clock.instant();

    Mutation<Release> m = held.release(bad.id());
    assertThat(m).isInstanceOf(Mutation.Done.class);
    Release r = ((Mutation.Done<Release>) m).value();
    assertThat(r.applied()).isEqualTo(1);
    assertThat(r.dropped()).isZero();
    assertThat(r.serial()).isEqualTo(f.zone.current().serial());
    assertThat(r.submission().status()).isEqualTo(SubmissionStatus.APPLIED);
    assertThat(r.submission().reviewedAt()).isEqualTo(releasedAt);
    assertThat(f.zone.current().contains("late.example.org")).isTrue();
    EntryStore.EntryRow entry = f.entry("late.example.org").get();
    assertThat(entry.firstSubmitted()).isEqualTo(releasedAt);
    assertThat(entry.expiresAt()).isEqualTo(releasedAt.plus(GovernanceFixture.LIFETIME));

    assertThat(held.release(bad.id()))
        .isEqualTo(
            new Mutation.Conflict<Release>(
                "submission " + bad.id() + " is not held for review (it is applied)"));
    assertThat(held.discard(bad.id())).isInstanceOf(Mutation.Conflict.class);
    assertThat(held.release(9999)).isInstanceOf(Mutation.NotFound.class);
    assertThat(held.discard(9999)).isInstanceOf(Mutation.NotFound.class);
  }

  @Test
  void discardKeepsTheRecordAndNeverAppliesTheNames() {
    twoNormalSubmissions();
    SubmissionReport bad = submit("never.example.org", "org", "net", "com");
    long serial = f.zone.current().serial();
    Mutation<SubmissionStore.SubmissionRow> m = held.discard(bad.id());
    assertThat(m).isInstanceOf(Mutation.Done.class);
    assertThat(status(bad.id())).isEqualTo(SubmissionStatus.DISCARDED);
    assertThat(held.release(bad.id())).isInstanceOf(Mutation.Conflict.class);
    assertThat(f.zone.current().serial()).isEqualTo(serial);
    assertThat(f.entry("never.example.org")).isEmpty();
    assertThat(f.submissions(SubmissionStatus.HELD)).isEmpty();
  }

  @Test
  void releaseLeavesOutNamesTheRulesRejectNow() throws Exception {
    twoNormalSubmissions();
    SubmissionReport bad = submit("kept.example.org", "gone.example.org", "org", "net", "com");
    assertThat(bad.held()).isTrue();
    f.db.inTransaction(
        c -> {
          try (var ps =
              c.prepareStatement(
                  "INSERT INTO suppressions (name, until, reason, created_at)"
                      + " VALUES ('gone.example.org', ?, 'false positive', ?)")) {
            ps.setLong(1, f.clock.millis() + 86_400_000L);
            ps.setLong(2, f.clock.millis());
            return ps.executeUpdate();
          }
        });
    f.rules.reloadSuppressions();
    Release r = ((Mutation.Done<Release>) held.release(bad.id())).value();
    assertThat(r.applied()).isEqualTo(1);
    assertThat(r.dropped()).isEqualTo(1);
    assertThat(f.zone.current().contains("kept.example.org")).isTrue();
    assertThat(f.zone.current().contains("gone.example.org")).isFalse();
  }

  @Test
  void theSameMessageDeliveredAgainGetsTheHeldReportAgain() {
    twoNormalSubmissions();
    var request =
        new org.rpzx.core.submission.SubmissionRequest(
            a,
            "smtp",
            "<again@uni-a.example>",
            java.util.List.of(
                new org.rpzx.core.submission.DomainsFile("domains.txt", "org\nnet\nx.example\n")));
    SubmissionReport first = ((SubmissionOutcome.Applied) service.submit(request)).report();
    SubmissionReport again = ((SubmissionOutcome.Applied) service.submit(request)).report();
    assertThat(first.held()).isTrue();
    assertThat(again.duplicate()).isTrue();
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.holdReason()).isEqualTo(first.holdReason());
  }
}
