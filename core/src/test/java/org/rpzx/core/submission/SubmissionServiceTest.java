package org.rpzx.core.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.lifecycle.LifecycleSettings;
import org.rpzx.core.lifecycle.ZoneLoader;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.name.RejectReason;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.SubmissionStore;
import org.rpzx.core.testing.MutableClock;
import org.rpzx.core.testing.TestRules;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSettings;

class SubmissionServiceTest {

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private Database db;
  private PublishedZone zone;
  private ZoneMaintainer maintainer;
  private SubmissionService service;
  private SenderIdentity alice;

  @BeforeEach
  void setUp() throws Exception {
    db = Database.open(dir.resolve("rpzx.db"));
    LifecycleSettings lifecycle = LifecycleSettings.defaults();
    zone = ZoneLoader.load(db, ZoneSettings.defaults(), lifecycle, clock);
    maintainer = new ZoneMaintainer(db, zone, clock, lifecycle);
    Directory directory = new Directory(db, clock);
    directory.addInstitution("Uni A");
    directory.addSender("Alice@Uni-A.example", "Uni A");
    ValidationRules rules = TestRules.rules(db, clock, "google.com");
    SenderAuthorizer authorizer = new SenderAuthorizer(db, clock, false);
    service =
        new SubmissionService(
            db, authorizer, rules, maintainer, clock, Duration.ofDays(30), Duration.ofSeconds(5));
    alice =
        ((SenderCheck.Authorized)
                service.checkSender("alice@uni-a.example", AuthMethod.FROM_HEADER))
            .identity();
  }

  @AfterEach
  void tearDown() {
    maintainer.close();
    db.close();
  }

  private SubmissionOutcome submit(String messageId, String... files) {
    List<DomainsFile> dfs =
        java.util.Arrays.stream(files).map(t -> new DomainsFile("domains.txt", t)).toList();
    return service.submit(new SubmissionRequest(alice, "smtp", messageId, dfs));
  }

  @Test
  void countsEveryLineAndAppliesTheAcceptedNamesToTheZone() {
    SubmissionOutcome out =
        submit(
            "<m1@uni-a.example>",
            "\uFEFF# comment\r\nevil.example.org\r\n*.evil.example.org\r\n\r\ncom\r\n"
                + "mail.google.com\r\nhttp://x.example/\r\n",
            "other.example.net\n192.0.2.1\n");

    assertThat(out).isInstanceOf(SubmissionOutcome.Applied.class);
    SubmissionReport r = ((SubmissionOutcome.Applied) out).report();
    assertThat(r.accepted()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(4);
    assertThat(r.skipped()).as("comment, blank line and one duplicate").isEqualTo(3);
    assertThat(r.rejectedLines())
        .extracting(RejectedLine::fileIndex, RejectedLine::lineNumber, RejectedLine::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 5, RejectReason.PUBLIC_SUFFIX),
            org.assertj.core.groups.Tuple.tuple(0, 6, RejectReason.TOP_SITES),
            org.assertj.core.groups.Tuple.tuple(0, 7, RejectReason.URL),
            org.assertj.core.groups.Tuple.tuple(1, 2, RejectReason.IP_ADDRESS));
    assertThat(r.summary()).isEqualTo("submission " + r.id() + ": 2 accepted, 4 rejected");
    // the reply waited for publication: the names are in the zone already
    assertThat(zone.current().contains("evil.example.org")).isTrue();
    assertThat(zone.current().contains("other.example.net")).isTrue();
    var row = db.read(c -> SubmissionStore.row(c, r.id())).orElseThrow();
    assertThat(row.authMethod()).isEqualTo(AuthMethod.FROM_HEADER);
    List<String> names = db.read(c -> SubmissionStore.acceptedNames(c, r.id()));
    assertThat(names).containsExactly("evil.example.org", "other.example.net");
  }

  @Test
  void aSuppressionCommittedAfterValidationStillWins() {
    // the rules in memory do not know it yet (as while a confirm commits concurrently)
    db.inTransaction(
        c -> {
          try (var ps =
              c.prepareStatement(
                  "INSERT INTO suppressions (name, until, reason, created_at) VALUES (?, NULL, ?, ?)")) {
            ps.setString(1, "stale.example.org");
            ps.setString(2, "false positive, report #1");
            ps.setLong(3, clock.millis());
            return ps.executeUpdate();
          }
        });
    SubmissionReport r =
        ((SubmissionOutcome.Applied)
                submit("<race@x>", "ok.example.org\nstale.example.org\nafter.example.org\n"))
            .report();
    assertThat(r.accepted()).isEqualTo(2);
    assertThat(r.rejectedLines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.lineNumber()).isEqualTo(2);
              assertThat(l.reason()).isEqualTo(RejectReason.SUPPRESSED);
            });
    List<String> entries =
        db
            .read(c -> EntryStore.find(c, new EntryStore.EntryFilter(null, null, false, null, 10)))
            .stream()
            .map(EntryStore.EntryRow::name)
            .toList();
    assertThat(entries).containsExactlyInAnyOrder("ok.example.org", "after.example.org");
  }

  @Test
  void theSameMessageTwiceCountsOnce() {
    SubmissionReport first =
        ((SubmissionOutcome.Applied) submit("<same@x>", "a.example.org\n")).report();
    SubmissionReport again =
        ((SubmissionOutcome.Applied) submit("<same@x>", "a.example.org\n")).report();
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.duplicate()).isTrue();
    SubmissionReport other =
        ((SubmissionOutcome.Applied) submit("<same@x>", "b.example.org\n")).report();
    assertThat(other.id()).as("same id, other content: a new submission").isNotEqualTo(first.id());
  }

  @Test
  void bytesOfOneFileWithBomAndBadUtf8FailOnlyTheirLine() {
    byte[] body = {
      (byte) 0xEF,
      (byte) 0xBB,
      (byte) 0xBF,
      'a',
      '.',
      'e',
      'x',
      'a',
      'm',
      'p',
      'l',
      'e',
      '.',
      'o',
      'r',
      'g',
      '\n',
      (byte) 0xFF,
      'x',
      '.',
      'o',
      'r',
      'g',
      '\n'
    };
    SubmissionReport r = ((SubmissionOutcome.Applied) service.submit(alice, "http", body)).report();
    assertThat(r.accepted()).isEqualTo(1);
    assertThat(r.rejectedLines()).singleElement().extracting(RejectedLine::lineNumber).isEqualTo(2);
  }

  @Test
  void noFilesIsARefusal() {
    assertThat(service.submit(new SubmissionRequest(alice, "smtp", null, List.of())))
        .isInstanceOf(SubmissionOutcome.Refused.class);
  }

  @Test
  void aStoreFailureIsTemporaryAndKeepsNothing() {
    db.close();
    assertThat(submit(null, "a.example.org\n"))
        .isInstanceOf(SubmissionOutcome.TemporaryFailure.class);
    db = Database.open(dir.resolve("rpzx.db"));
    long entries = db.read(c -> EntryStore.count(c, false));
    assertThat(entries).isZero();
  }

  @Test
  void unknownSendersAndSuspendedInstitutionsAreRefused() {
    assertThat(service.checkSender("mallory@evil.example", AuthMethod.FROM_HEADER))
        .isInstanceOf(SenderCheck.Unauthorized.class);
    db.inTransaction(
        c ->
            c.createStatement()
                .executeUpdate(
                    "UPDATE institutions SET status = 'suspended', suspend_reason = 'abuse'"));
    SenderCheck check = service.checkSender("alice@uni-a.example", AuthMethod.FROM_HEADER);
    assertThat(check).isInstanceOf(SenderCheck.Unauthorized.class);
    assertThat(((SenderCheck.Unauthorized) check).reason()).contains("suspended").contains("abuse");
  }

  @Test
  void requireSmimeRefusesUnsignedButNotSigned() {
    SenderAuthorizer strict = new SenderAuthorizer(db, clock, true);
    assertThat(strict.check("alice@uni-a.example", AuthMethod.FROM_HEADER))
        .isInstanceOf(SenderCheck.Unauthorized.class);
    assertThat(strict.check("alice@uni-a.example", AuthMethod.SMIME))
        .isInstanceOf(SenderCheck.Authorized.class);
  }
}
