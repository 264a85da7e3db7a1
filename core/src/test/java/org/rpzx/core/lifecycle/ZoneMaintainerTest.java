package org.rpzx.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rpzx.core.zone.ChangeSet;
import org.rpzx.core.zone.JournalQuery;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.Serial;

class ZoneMaintainerTest extends StoreWithInstitution {

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

    reopen();
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

    reopen();
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
