package org.rpzx.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.lists.Suppression;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.name.RejectReason;
import org.rpzx.core.store.NameListStore;
import org.rpzx.core.store.StoreException;
import org.rpzx.core.zone.ChangeSet;

class ReportServiceTest {

  @TempDir Path dir;
  private ReportFixture f;
  private ReportService reports;
  private Reporter uniB;

  @BeforeEach
  void setUp() {
    f = new ReportFixture(dir);
    reports = f.reports();
    uniB = Reporter.institution(f.uniB, "token:b1");
    f.submitAndPublish(f.uniA, "evil.example.org", "other.example.net");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private FalsePositiveReport filed(FileResult r) {
    assertThat(r).isInstanceOf(FileResult.Filed.class);
    return ((FileResult.Filed) r).report();
  }

  private static <T> T done(Mutation<T> m) {
    assertThat(m).isInstanceOf(Mutation.Done.class);
    return ((Mutation.Done<T>) m).value();
  }

  @Test
  void aReportOnAListedNameIsOpenAndSaysNothingOfTheSubmitter() {
    FalsePositiveReport r =
        filed(reports.file(uniB, " Evil.Example.ORG. ", " our web shop \n", "api"));

    assertThat(r.name()).isEqualTo("evil.example.org");
    assertThat(r.reportedName()).isEqualTo("evil.example.org");
    assertThat(r.reason()).isEqualTo("our web shop");
    assertThat(r.status()).isEqualTo(ReportStatus.OPEN);
    assertThat(r.reporterInstitutionId()).isEqualTo(f.uniB);
    assertThat(r.reporterInstitution()).isEqualTo("Uni B");
    assertThat(r.reporter()).isEqualTo("token:b1");
    assertThat(r.filedAt()).isEqualTo(f.clock.instant());
    assertThat(r.decidedAt()).isNull();
    assertThat(r.toString()).doesNotContain("Uni A");
    assertThat(reports.report(r.id())).contains(r);
    assertThat(reports.submitters(r)).as("operator view only").containsExactly("Uni A");
  }

  @Test
  void aNameUnderAListedNameReportsThatEntry() {
    FalsePositiveReport r = filed(reports.file(uniB, "www.shop.evil.example.org", "ours", "api"));
    assertThat(r.name()).isEqualTo("evil.example.org");
    assertThat(r.reportedName()).isEqualTo("www.shop.evil.example.org");
  }

  @Test
  void unlistedOrMalformedNamesAndMissingReasonsAreRefusedAndStoreNothing() {
    assertThat(reports.file(uniB, "example.org", "x", "api"))
        .isEqualTo(new FileResult.Invalid("example.org is not listed"));
    assertThat(reports.file(uniB, "notevil.example.org", "x", "api"))
        .as("a common suffix is not coverage")
        .isEqualTo(new FileResult.Invalid("notevil.example.org is not listed"));
    assertThat(reports.file(uniB, "http://evil.example.org/", "x", "api"))
        .isEqualTo(new FileResult.Invalid("not a domain name: http://evil.example.org/ (url)"));
    assertThat(reports.file(uniB, "  ", "x", "api"))
        .isEqualTo(new FileResult.Invalid("a domain name is required"));
    assertThat(reports.file(uniB, "evil.example.org", " \t", "api"))
        .isEqualTo(new FileResult.Invalid("a reason is required"));
    assertThat(reports.file(uniB, "evil.example.org", "x".repeat(501), "api"))
        .isInstanceOf(FileResult.Invalid.class);
    assertThat(reports.list(ReportFilter.all(100))).isEmpty();
  }

  @Test
  void theSameReporterGetsItsOpenReportBackOthersFileTheirOwn() {
    FalsePositiveReport first = filed(reports.file(uniB, "evil.example.org", "a", "api"));
    FileResult again = reports.file(uniB, "www.evil.example.org", "b", "smtp");
    assertThat(again).isEqualTo(new FileResult.Filed(first, true));

    Reporter otherTokenOfB = Reporter.institution(f.uniB, "sender:noc@uni-b.example");
    assertThat(((FileResult.Filed) reports.file(otherTokenOfB, "evil.example.org", "c", "smtp")))
        .as("the reporter is the institution, whatever token or sender it uses")
        .extracting(FileResult.Filed::alreadyOpen)
        .isEqualTo(true);

    FalsePositiveReport byOperator =
        filed(reports.file(Reporter.operator("token:op"), "evil.example.org", "d", "api"));
    assertThat(byOperator.id()).isNotEqualTo(first.id());
    assertThat(byOperator.reporterInstitutionId()).isNull();

    done(reports.dismiss(first.id(), "token:op", null));
    FileResult afterDismissal = reports.file(uniB, "evil.example.org", "e", "api");
    assertThat(((FileResult.Filed) afterDismissal).alreadyOpen()).isFalse();
    assertThat(((FileResult.Filed) afterDismissal).report().id())
        .isNotIn(first.id(), byOperator.id());
  }

  @Test
  void confirmingDelistsInOneChangeSetAndSuppressesForTheConfiguredPeriod() {
    FalsePositiveReport r = filed(reports.file(uniB, "evil.example.org", "ours", "api"));
    long before = f.serial();
    int journal = f.zone.journal().size();
    Instant now = f.clock.instant();

    FalsePositiveReport confirmed = done(reports.confirm(r.id(), "token:op", "checked, ticket 9"));

    assertThat(confirmed.status()).isEqualTo(ReportStatus.CONFIRMED);
    assertThat(confirmed.decidedBy()).isEqualTo("token:op");
    assertThat(confirmed.decidedAt()).isEqualTo(now);
    assertThat(confirmed.note()).isEqualTo("checked, ticket 9");
    assertThat(f.zone.current().contains("evil.example.org")).isFalse();
    assertThat(f.zone.current().contains("other.example.net")).isTrue();
    assertThat(f.zone.journal().size()).as("one new change set").isEqualTo(journal + 1);
    ChangeSet cs = f.zone.journal().changeSets().get(journal);
    assertThat(cs.fromSerial()).isEqualTo(before);
    assertThat(cs.toSerial()).isEqualTo(f.serial());
    assertThat(cs.added()).isEmpty();
    assertThat(cs.removed()).containsExactly("evil.example.org");
    assertThat(f.entry("evil.example.org").inZone()).isFalse();

    Suppression s = f.suppression("evil.example.org").orElseThrow();
    assertThat(s.until()).isEqualTo(now.plus(Duration.ofDays(90)));
    assertThat(s.reason()).isEqualTo("false positive, report #" + r.id());
    assertThat(s.addedBy()).isEqualTo("token:op");
    LineOutcome resubmitted = f.rules.get().validate("evil.example.org");
    assertThat(resubmitted).isInstanceOf(LineOutcome.Rejected.class);
    assertThat(((LineOutcome.Rejected) resubmitted).reason()).isEqualTo(RejectReason.SUPPRESSED);

    assertThat(reports.confirm(r.id(), "token:op", null))
        .isEqualTo(new Mutation.Conflict<>("report #" + r.id() + " is already confirmed"));
    assertThat(reports.dismiss(r.id(), "token:op", null)).isInstanceOf(Mutation.Conflict.class);
    assertThat(reports.confirm(999, "token:op", null))
        .isEqualTo(new Mutation.NotFound<>("no report #999"));
    assertThat(f.zone.journal().size()).as("nothing more published").isEqualTo(journal + 1);

    f.clock.advance(Duration.ofDays(90).plusSeconds(1));
    f.rules.reloadSuppressions();
    assertThat(f.rules.get().validate("evil.example.org"))
        .as("the suppression ends after the period")
        .isInstanceOf(LineOutcome.Accepted.class);
  }

  @Test
  void aLongerSuppressionInForceIsKept() {
    f.db.inTransaction(
        c -> {
          NameListStore.putSuppression(
              c,
              new Suppression("evil.example.org", "forever", null, "token:x", f.clock.instant()));
          return null;
        });
    FalsePositiveReport r = filed(reports.file(uniB, "evil.example.org", "ours", "api"));
    done(reports.confirm(r.id(), "token:op", null));
    Suppression s = f.suppression("evil.example.org").orElseThrow();
    assertThat(s.until()).isNull();
    assertThat(s.reason()).isEqualTo("forever");
    assertThat(f.zone.current().contains("evil.example.org")).isFalse();
  }

  @Test
  void confirmationIsOneTransactionAFailureChangesNothing() {
    FalsePositiveReport r = filed(reports.file(uniB, "evil.example.org", "ours", "api"));
    var entryBefore = f.entry("evil.example.org");
    long serial = f.serial();
    f.db.inTransaction(
        c ->
            c.createStatement()
                .executeUpdate(
                    "CREATE TRIGGER fail_suppression BEFORE INSERT ON suppressions"
                        + " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"));

    assertThatThrownBy(() -> reports.confirm(r.id(), "token:op", null))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("disk on fire");

    assertThat(reports.report(r.id()).orElseThrow().status()).isEqualTo(ReportStatus.OPEN);
    assertThat(f.entry("evil.example.org")).isEqualTo(entryBefore);
    assertThat(f.suppression("evil.example.org")).isEmpty();
    assertThat(reports.confirmedFalsePositives(f.uniA, Instant.EPOCH)).isZero();
    assertThat(f.maintainer.publishNow()).as("no removal pending").isEmpty();
    assertThat(f.serial()).isEqualTo(serial);
  }

  @Test
  void dismissingLeavesZoneAndListsAsTheyAre() {
    FalsePositiveReport r = filed(reports.file(uniB, "evil.example.org", "ours", "api"));
    long serial = f.serial();
    FalsePositiveReport dismissed = done(reports.dismiss(r.id(), "token:op", "still phishing"));
    assertThat(dismissed.status()).isEqualTo(ReportStatus.DISMISSED);
    assertThat(dismissed.note()).isEqualTo("still phishing");
    assertThat(f.maintainer.publishNow()).isEmpty();
    assertThat(f.serial()).isEqualTo(serial);
    assertThat(f.zone.current().contains("evil.example.org")).isTrue();
    assertThat(f.suppression("evil.example.org")).isEmpty();
    assertThat(reports.confirmedFalsePositives(f.uniA, Instant.EPOCH)).isZero();
  }

  @Test
  void confirmedFalsePositivesCountPerSubmittingInstitutionAndSurviveAPurge() {
    f.submitAndPublish(f.uniB, "other.example.net", "third.example.com");
    Instant start = f.clock.instant();
    FalsePositiveReport a = filed(reports.file(uniB, "evil.example.org", "x", "api"));
    FalsePositiveReport both =
        filed(reports.file(Reporter.operator("token:op"), "other.example.net", "x", "api"));
    done(reports.confirm(a.id(), "token:op", null));
    f.clock.advance(Duration.ofDays(1));
    done(reports.confirm(both.id(), "token:op", null));

    assertThat(reports.confirmedFalsePositives(f.uniA, start)).isEqualTo(2);
    assertThat(reports.confirmedFalsePositives(f.uniB, start)).isEqualTo(1);
    assertThat(reports.confirmedFalsePositives(f.uniA, start.plus(Duration.ofHours(1))))
        .as("only those confirmed since")
        .isEqualTo(1);

    f.db.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM entry_sources"));
    assertThat(reports.confirmedFalsePositives(f.uniA, start)).isEqualTo(2);
    FalsePositiveReport kept = reports.report(both.id()).orElseThrow();
    assertThat(reports.submitters(kept)).containsExactly("Uni A", "Uni B");
  }

  @Test
  void listFiltersByStatusAndReporterNewestFirst() {
    FalsePositiveReport one = filed(reports.file(uniB, "evil.example.org", "x", "api"));
    FalsePositiveReport two =
        filed(
            reports.file(Reporter.institution(f.uniA, "token:a"), "other.example.net", "x", "api"));
    done(reports.dismiss(two.id(), "token:op", null));

    assertThat(reports.list(ReportFilter.all(10)))
        .extracting(FalsePositiveReport::id)
        .containsExactly(two.id(), one.id());
    assertThat(reports.list(new ReportFilter(ReportStatus.OPEN, null, 10)))
        .extracting(FalsePositiveReport::id)
        .containsExactly(one.id());
    assertThat(reports.list(new ReportFilter(null, f.uniB, 10)))
        .extracting(FalsePositiveReport::id)
        .containsExactly(one.id());
    assertThat(reports.list(new ReportFilter(ReportStatus.DISMISSED, f.uniB, 10))).isEmpty();
    assertThat(reports.list(ReportFilter.all(1))).hasSize(1);
    assertThat(List.of(ReportStatus.values()))
        .allSatisfy(s -> assertThat(ReportStatus.fromCode(s.code())).contains(s));
    assertThat(ReportStatus.fromCode("closed")).isEmpty();
  }
}
