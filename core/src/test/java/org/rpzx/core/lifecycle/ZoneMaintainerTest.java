package org.rpzx.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.testing.MutableClock;
import org.rpzx.core.zone.ChangeSet;
import org.rpzx.core.zone.JournalQuery;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.Serial;
import org.rpzx.core.zone.ZoneSettings;

class ZoneMaintainerTest {

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final LifecycleSettings settings =
      new LifecycleSettings(
          Duration.ofDays(30), Duration.ZERO, Duration.ofSeconds(10), 100, 1 << 20);
  private Database db;
  private long institution;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("rpzx.db"));
    Mutation<Institution> m = new Directory(db, clock).addInstitution("Uni A");
    institution = ((Mutation.Done<Institution>) m).value().id();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void submit(String... names) {
    long now = clock.millis();
    db.inTransaction(
        c -> {
          EntryStore.recordSubmission(
              c, List.of(names), institution, now, now + settings.entryLifetime().toMillis());
          return null;
        });
  }

  private PublishedZone load() {
    return ZoneLoader.load(db, ZoneSettings.defaults(), settings, clock);
  }

  @Test
  void publishesNewNamesAsOneChangeSetWithANewerSerial() {
    PublishedZone zone = load();
    long first = zone.current().serial();
    assertThat(first).isEqualTo(clock.millis() / 1000); // clock-based first serial
    ZoneMaintainer maintainer = new ZoneMaintainer(db, zone, clock, settings);

    submit("b.example.org", "a.example.org");
    Optional<ChangeSet> cs = maintainer.publishNow();

    assertThat(cs).isPresent();
    assertThat(cs.get().added()).containsExactly("a.example.org", "b.example.org");
    assertThat(Serial.isNewer(zone.current().serial(), first)).isTrue();
    assertThat(zone.current().contains("a.example.org")).isTrue();
    assertThat(maintainer.publishNow()).as("nothing pending any more").isEmpty();
  }

  /**
   * A change set large enough to be prepared on another core (next snapshot, journal blobs) ends up
   * exactly as a small one: in the zone, in the journal, and the same after a restart.
   */
  @Test
  void aLargeChangePreparedAheadIsPublishedAndJournaledTheSame() {
    PublishedZone zone = load();
    long start = zone.current().serial();
    ZoneMaintainer maintainer = new ZoneMaintainer(db, zone, clock, settings);
    String[] names =
        java.util.stream.IntStream.range(0, ZoneMaintainer.PREPARE_AHEAD_FROM + 1)
            .mapToObj(i -> "n" + i + ".example.org")
            .toArray(String[]::new);
    submit(names);
    ChangeSet cs = maintainer.publishNow().orElseThrow();
    assertThat(cs.added()).hasSize(names.length);
    assertThat(zone.current().nameCount()).isEqualTo(names.length);
    assertThat(zone.current().contains("n0.example.org")).isTrue();
    long serial = zone.current().serial();
    JournalQuery.Changes journaled = (JournalQuery.Changes) zone.changesSince(start);
    assertThat(journaled.changeSets()).containsExactly(cs);

    db.close();
    db = Database.open(dir.resolve("rpzx.db"));
    PublishedZone again = load();
    assertThat(again.current().serial()).isEqualTo(serial);
    assertThat(again.current().nameCount()).isEqualTo(names.length);
    JournalQuery.Changes stored = (JournalQuery.Changes) again.changesSince(start);
    assertThat(stored.changeSets().get(0).added()).isEqualTo(cs.added());
  }

  @Test
  void expiryRemovesNamesAndResubmissionExtendsThem() {
    PublishedZone zone = load();
    ZoneMaintainer maintainer = new ZoneMaintainer(db, zone, clock, settings);
    submit("old.example.org", "kept.example.org");
    maintainer.publishNow();

    clock.advance(Duration.ofDays(20));
    submit("kept.example.org"); // extends kept by another 30 days from now
    assertThat(maintainer.publishNow())
        .as("re-submission of an active name changes nothing")
        .isEmpty();

    clock.advance(Duration.ofDays(10).plusSeconds(1));
    ChangeSet expiry = maintainer.publishNow().orElseThrow();
    assertThat(expiry.removed()).containsExactly("old.example.org");
    assertThat(expiry.added()).isEmpty();
    assertThat(zone.current().contains("kept.example.org")).isTrue();
    assertThat(zone.current().contains("old.example.org")).isFalse();

    clock.advance(Duration.ofDays(20));
    assertThat(maintainer.publishNow().orElseThrow().removed()).containsExactly("kept.example.org");
    assertThat(zone.current().nameCount()).isZero();
  }

  @Test
  void aRestartRebuildsTheSameZoneAndAJournalThatStillAnswersIxfr() {
    PublishedZone zone = load();
    long start = zone.current().serial();
    ZoneMaintainer maintainer = new ZoneMaintainer(db, zone, clock, settings);
    submit("one.example.org");
    maintainer.publishNow();
    clock.advance(Duration.ofSeconds(5));
    submit("two.example.org");
    maintainer.publishNow();
    long serial = zone.current().serial();

    db.close();
    db = Database.open(dir.resolve("rpzx.db"));
    PublishedZone again = load();

    assertThat(again.current().serial()).isEqualTo(serial);
    assertThat(again.current().nameCount()).isEqualTo(2);
    JournalQuery q = again.changesSince(start);
    assertThat(q).isInstanceOf(JournalQuery.Changes.class);
    assertThat(((JournalQuery.Changes) q).changeSets()).hasSize(2);
    assertThat(again.changesSince(serial)).isInstanceOf(JournalQuery.UpToDate.class);
  }

  @Test
  void requestsInsideTheWindowShareOneSerial() throws Exception {
    LifecycleSettings slow =
        new LifecycleSettings(
            Duration.ofDays(30), Duration.ofMillis(300), Duration.ofHours(1), 100, 1 << 20);
    PublishedZone zone = load();
    try (ZoneMaintainer maintainer = new ZoneMaintainer(db, zone, clock, slow)) {
      submit("first.example.org");
      long s1 = maintainer.requestPublish().get();
      clock.advance(Duration.ofSeconds(1));
      submit("second.example.org");
      var f2 = maintainer.requestPublish();
      clock.advance(Duration.ofSeconds(1));
      submit("third.example.org");
      var f3 = maintainer.requestPublish();
      long s2 = f2.get();
      assertThat(f3.get()).isEqualTo(s2);
      assertThat(Serial.isNewer(s2, s1)).isTrue();
      assertThat(zone.journal().size()).isEqualTo(2);
    }
  }
}
