package org.rpzx.core.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.governance.PlausibilitySettings;
import org.rpzx.core.lifecycle.LifecycleSettings;
import org.rpzx.core.lifecycle.ZoneLoader;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.EntryStore.EntryRow;
import org.rpzx.core.store.SubmissionStore;
import org.rpzx.core.store.UnderivedSubmissions;
import org.rpzx.core.store.ZoneStore;
import org.rpzx.core.testing.MutableClock;
import org.rpzx.core.testing.TestRules;
import org.rpzx.core.zone.CanonicalNameOrder;
import org.rpzx.core.zone.ChangeSet;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSettings;

/**
 * Large submissions applied directly (ADR 0012): acknowledged once stored and in the zone, their
 * entry rows written after, and after a crash between the two, at the next start.
 */
class DirectApplicationTest {

  private static final List<String> LARGE =
      List.of("a.example.org", "b.example.org", "c.example.net", "d.example.com", "e.example.org");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final LifecycleSettings lifecycle = LifecycleSettings.defaults();
  private Database db;
  private PublishedZone zone;
  private ZoneMaintainer maintainer;
  private SubmissionService service;
  private SenderIdentity alice;

  @BeforeEach
  void setUp() {
    db = Database.open(dir.resolve("rpzx.db"));
    Directory directory = new Directory(db, clock);
    directory.addInstitution("Uni A");
    directory.addSender("alice@uni-a.example", "Uni A");
    start();
    alice =
        ((SenderCheck.Authorized)
                service.checkSender("alice@uni-a.example", AuthMethod.FROM_HEADER))
            .identity();
  }

  private void start() {
    zone = ZoneLoader.load(db, ZoneSettings.defaults(), lifecycle, clock);
    maintainer = new ZoneMaintainer(db, zone, clock, lifecycle);
    ValidationRules rules = TestRules.rules(db, clock, "google.com");
    service =
        new SubmissionService(
                db,
                new SenderAuthorizer(db, clock, false),
                rules,
                maintainer,
                clock,
                lifecycle.entryLifetime(),
                Duration.ofSeconds(5))
            .directApplyFrom(3);
  }

  @AfterEach
  void tearDown() {
    maintainer.close();
    db.close();
  }

  private SubmissionReport submit(String messageId, List<String> names) {
    SubmissionOutcome out =
        service.submit(
            new SubmissionRequest(
                alice,
                "smtp",
                messageId,
                List.of(new DomainsFile("domains.txt", String.join("\n", names) + "\n"))));
    assertThat(out).isInstanceOf(SubmissionOutcome.Applied.class);
    return ((SubmissionOutcome.Applied) out).report();
  }

  /** Waits until the maintainer thread has finished what was queued (derivations included). */
  private void drainMaintainer() throws Exception {
    maintainer.requestPublish().get(10, TimeUnit.SECONDS);
  }

  private List<EntryRow> entries() {
    return db.read(
        c -> EntryStore.find(c, new EntryStore.EntryFilter(null, null, false, null, 99)));
  }

  @Test
  void aLargeSubmissionIsInTheZoneWhenAcknowledgedAndItsEntryRowsFollow() throws Exception {
    SubmissionReport small = submit("<small@x>", List.of("a.example.org")); // below the threshold
    assertThat(small.accepted()).isEqualTo(1);
    long before = zone.current().serial();

    SubmissionReport r = submit("<large@x>", LARGE);

    assertThat(r.accepted()).isEqualTo(5);
    assertThat(LARGE).allMatch(zone.current()::contains);
    long after = zone.current().serial();
    assertThat(after).isNotEqualTo(before);
    List<ChangeSet> journal = db.read(ZoneStore::journal);
    assertThat(journal.get(journal.size() - 1).added())
        .as("the name already in the zone is not in the change set")
        .containsExactlyInAnyOrder(
            "b.example.org", "c.example.net", "d.example.com", "e.example.org");
    drainMaintainer();
    assertThat(db.read(UnderivedSubmissions::list)).isEmpty();
    assertThat(entries())
        .hasSize(5)
        .allSatisfy(
            e -> {
              assertThat(e.inZone()).isTrue();
              assertThat(e.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
            });
    List<EntryStore.EntrySource> sources = db.read(c -> EntryStore.sources(c, "e.example.org"));
    assertThat(sources)
        .singleElement()
        .extracting(EntryStore.EntrySource::institution)
        .isEqualTo("Uni A");
    assertThat(zone.current().serial()).as("deriving publishes nothing").isEqualTo(after);
  }

  @Test
  void resubmittedNamesExtendTheirExpiryWithoutANewSerialAndExpireLater() throws Exception {
    submit("<first@x>", LARGE);
    drainMaintainer();
    long serial = zone.current().serial();
    clock.advance(Duration.ofDays(20));

    submit("<again@x>", LARGE);
    drainMaintainer();

    assertThat(zone.current().serial()).isEqualTo(serial);
    assertThat(entries())
        .allSatisfy(
            e -> assertThat(e.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30))));
    clock.advance(Duration.ofDays(15)); // 35 days after the first, 15 after the second
    assertThat(maintainer.publishNow()).isEmpty();
    clock.advance(Duration.ofDays(16));
    assertThat(maintainer.publishNow()).get().extracting(cs -> cs.removed().size()).isEqualTo(5);
    assertThat(LARGE).noneMatch(zone.current()::contains);
    assertThat(entries()).noneMatch(EntryRow::inZone);
  }

  @Test
  void theRowKeepsTheNamesInCanonicalOrderAndAnAllNewChangeSharesTheirEncoding() throws Exception {
    // large enough for the maintainer to build the snapshot and journal ahead of the commit
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      names.add("n" + i + (i % 3 == 0 ? ".example.org" : ".example.com"));
    }
    Collections.shuffle(names, new Random(7));
    SubmissionReport first = submit("<big@x>", names);

    List<String> canonical = new ArrayList<>(names);
    canonical.sort(CanonicalNameOrder.INSTANCE);
    assertThat(storedNames(first.id())).containsExactlyElementsOf(canonical);
    assertThat(db.read(ZoneStore::journal).get(db.read(ZoneStore::journal).size() - 1).added())
        .containsExactlyElementsOf(canonical);
    assertThat(blob("SELECT accepted_names FROM submissions WHERE id = " + first.id()))
        .as("the row holds the names in canonical order, as the journal row does")
        .isEqualTo(blob("SELECT added FROM journal ORDER BY seq DESC LIMIT 1"));

    // some names already in the zone: the change is encoded on its own
    List<String> more = new ArrayList<>(names.subList(0, 10));
    for (int i = 0; i < 60_000; i++) {
      more.add("m" + i + ".example.net");
    }
    SubmissionReport second = submit("<more@x>", more);
    assertThat(storedNames(second.id())).containsExactlyInAnyOrderElementsOf(more);
    List<String> added =
        db.read(ZoneStore::journal).get(db.read(ZoneStore::journal).size() - 1).added();
    assertThat(added).hasSize(60_000).allMatch(n -> n.endsWith(".example.net"));
    assertThat(more).allMatch(zone.current()::contains);
    drainMaintainer();
  }

  @Test
  void aHeldLargeSubmissionKeepsItsNames() throws Exception {
    SubmissionService guarded =
        new SubmissionService(
                db,
                new SenderAuthorizer(db, clock, false),
                TestRules.rules(db, clock, "google.com"),
                maintainer,
                clock,
                lifecycle.entryLifetime(),
                Duration.ofSeconds(5),
                null,
                new PlausibilitySettings(true, 0.5, 10.0, 2),
                false)
            .directApplyFrom(1);
    service = guarded;
    submit("<one@x>", List.of("one.example.org", "two.example.org"));
    submit("<two@x>", List.of("three.example.org", "four.example.org"));
    long serial = zone.current().serial();

    SubmissionReport bad = submit("<bad@x>", List.of("bad.example.org", "org", "co.uk", "com"));

    assertThat(bad.held()).isTrue();
    assertThat(storedNames(bad.id())).containsExactly("bad.example.org");
    assertThat(zone.current().serial()).isEqualTo(serial);
    assertThat(zone.current().contains("bad.example.org")).isFalse();
  }

  private List<String> storedNames(long id) {
    return db.read(c -> SubmissionStore.acceptedNames(c, id));
  }

  private byte[] blob(String sql) {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql);
              java.sql.ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getBytes(1);
          }
        });
  }

  @Test
  void theSameLargeMessageTwiceCountsOnceAndPublishesOnce() throws Exception {
    SubmissionReport first = submit("<dup@x>", LARGE);
    long serial = zone.current().serial();
    SubmissionReport again = submit("<dup@x>", LARGE);
    drainMaintainer();
    assertThat(again.duplicate()).isTrue();
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(zone.current().serial()).isEqualTo(serial);
    assertThat(db.read(UnderivedSubmissions::list)).isEmpty();
  }

  @Test
  void entryRowsThatFailToBeWrittenAreWrittenBeforeAnyLaterWrite() throws Exception {
    // a store error in the second transaction only: its last statement cannot delete the row
    db.inTransaction(
        c ->
            c.createStatement()
                .executeUpdate(
                    "CREATE TRIGGER refuse BEFORE DELETE ON underived_submissions"
                        + " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"));
    SubmissionReport r = submit("<fails@x>", LARGE);
    assertThat(LARGE).allMatch(zone.current()::contains);
    // the derivation failed and rolled back; every later write starts with it, and fails too
    assertThatThrownBy(this::drainMaintainer).rootCause().hasMessageContaining("disk I/O error");
    assertThat(db.read(UnderivedSubmissions::list))
        .singleElement()
        .extracting(UnderivedSubmissions.Underived::submissionId)
        .isEqualTo(r.id());
    assertThat(entries()).isEmpty();

    // the fault clears (outside this Database, whose writes all owe the derivation first)
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("rpzx.db"))) {
      other.createStatement().executeUpdate("DROP TRIGGER refuse");
    }
    // the next write is a delisting's expiry (as ReportStore writes it): it finds the row
    int expired =
        db.inTransaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("UPDATE entries SET expires_at = ? WHERE name = ?")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, "b.example.org");
                return ps.executeUpdate();
              }
            });

    assertThat(expired).isEqualTo(1);
    assertThat(db.read(UnderivedSubmissions::list)).isEmpty();
    assertThat(entries()).hasSize(5).allMatch(EntryRow::inZone);
    assertThat(maintainer.publishNow())
        .get()
        .extracting(ChangeSet::removed)
        .isEqualTo(List.of("b.example.org"));
    assertThat(zone.current().contains("b.example.org")).isFalse();
  }

  @Test
  void aCrashBetweenTheTwoTransactionsIsDerivedAtTheNextStart() throws Exception {
    submit("<before@x>", List.of("z.example.org"));
    long submission = submit("<large@x>", LARGE).id();
    drainMaintainer();
    long serial = zone.current().serial();
    maintainer.close(); // saves the zone image of this serial
    // the state a kill -9 after the first transaction leaves: zone and journal, no entry rows
    db.inTransaction(
        c -> {
          for (String table : List.of("entries", "entry_sources")) {
            c.createStatement()
                .executeUpdate("DELETE FROM " + table + " WHERE name <> 'z.example.org'");
          }
          UnderivedSubmissions.add(
              c,
              new UnderivedSubmissions.Underived(
                  submission,
                  alice.institutionId(),
                  clock.millis(),
                  clock.instant().plus(Duration.ofDays(30)).toEpochMilli()));
          return null;
        });
    assertThat(db.read(EntryStore::inZoneCount)).isEqualTo(1);

    start();

    assertThat(zone.current().serial()).isEqualTo(serial);
    Set<String> expected = new HashSet<>(LARGE);
    expected.add("z.example.org");
    assertThat(expected).allMatch(zone.current()::contains);
    assertThat(zone.current().nameCount()).isEqualTo(expected.size());
    assertThat(db.read(EntryStore::inZoneCount)).isEqualTo(expected.size());
    assertThat(db.read(UnderivedSubmissions::list)).isEmpty();
    assertThat(maintainer.publishNow()).as("flags and zone agree").isEmpty();
  }
}
