package org.rpzx.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.ZoneStore;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.TrieImage;
import org.rpzx.core.zone.TrieSnapshot;
import org.rpzx.core.zone.ZoneSettings;

/**
 * The zone image is used only when it is the zone the store holds; every other start rebuilds from
 * the entries, and both give the same zone.
 */
class ZoneImagesTest extends StoreWithInstitution {

  private Optional<TrieSnapshot> usableImage() {
    return db.read(
        c ->
            ZoneImages.usable(
                ZoneStore.image(c),
                ZoneStore.serial(c).orElseThrow(),
                EntryStore.inZoneCount(c),
                ZoneStore.journal(c),
                ZoneSettings.defaults()));
  }

  /** What a start without any image builds: the reference for every start from one. */
  private List<String> rebuiltFromEntries() {
    db.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM zone_image"));
    return load().current().trie().toList();
  }

  /** A running service: the zone loaded, names published, then a clean stop (or none). */
  private PublishedZone run(boolean cleanStop, String... names) {
    PublishedZone zone = load();
    ZoneMaintainer maintainer = new ZoneMaintainer(db, zone, clock, settings);
    submit(names);
    maintainer.publishNow().orElseThrow();
    if (cleanStop) {
      maintainer.close();
    }
    return zone;
  }

  @Test
  void aCleanStopSavesTheImageAndTheNextStartTakesItBack() {
    PublishedZone before = run(true, "a.example.org", "b.example.net", "xn--p1ai.example");

    ZoneStore.StoredImage saved = db.read(ZoneStore::image).orElseThrow();
    assertThat(saved.serial()).isEqualTo(before.current().serial());
    assertThat(TrieImage.decode(saved.image()).nameCount()).isEqualTo(3);
    assertThat(usableImage()).isPresent();

    PublishedZone again = load();
    assertThat(again.current().serial()).isEqualTo(before.current().serial());
    assertThat(again.current().trie().toList())
        .isEqualTo(before.current().trie().toList())
        .isEqualTo(rebuiltFromEntries());
  }

  @Test
  void aStartAfterACrashTakesTheImageAndTheJournalSinceIt() {
    run(true, "a.example.org", "gone.example.org");
    PublishedZone crashed = run(false, "b.example.org"); // published, then kill -9: no save
    clock.advance(Duration.ofDays(31));
    submit("c.example.org"); // and an expiry: gone, a and b leave, c arrives
    PublishedZone again = load();
    new ZoneMaintainer(db, again, clock, settings).publishNow().orElseThrow();
    long serial = again.current().serial(); // crash again: the image is two publications behind
    assertThat(serial).isNotEqualTo(crashed.current().serial());

    Optional<TrieSnapshot> fromImage = usableImage();
    assertThat(fromImage).isPresent();
    assertThat(fromImage.get().serial()).isEqualTo(serial);
    assertThat(fromImage.get().trie().toList())
        .containsExactly("c.example.org")
        .isEqualTo(again.current().trie().toList())
        .isEqualTo(rebuiltFromEntries());
  }

  /** A service that never stops cleanly still gets images: each compaction saves one. */
  @Test
  void aCompactionSavesTheImageThatAStartAfterACrashUses() throws Exception {
    PublishedZone zone = load();
    ZoneMaintainer maintainer = new ZoneMaintainer(db, zone, clock, settings);
    submit(
        java.util.stream.IntStream.range(0, 5000) // an overlay past the compaction bound
            .mapToObj(i -> "n" + i + ".example.org")
            .toArray(String[]::new));
    maintainer.publishNow().orElseThrow();
    long compactedAt = zone.current().serial();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (!db.read(ZoneStore::imageSerial).equals(Optional.of(compactedAt))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(db.read(ZoneStore::imageSerial)).contains(compactedAt);
    submit("late.example.org");
    maintainer.publishNow().orElseThrow(); // then kill -9: no clean stop

    Optional<TrieSnapshot> fromImage = usableImage();
    assertThat(fromImage).isPresent();
    assertThat(fromImage.get().nameCount()).isEqualTo(5001);
    assertThat(fromImage.get().trie().toList()).isEqualTo(rebuiltFromEntries());
  }

  /**
   * Small change sets never trigger a compaction, and the journal keeps only so many (100 here): an
   * image is saved every quarter of that, so a crash always leaves one within reach.
   */
  @Test
  void smallPublicationsKeepAnImageWithinTheJournalsReach() throws Exception {
    PublishedZone zone = load();
    ZoneMaintainer maintainer = new ZoneMaintainer(db, zone, clock, settings);
    for (int i = 0; i < 130; i++) {
      clock.advance(Duration.ofSeconds(1));
      submit("p" + i + ".example.org");
      maintainer.publishNow().orElseThrow();
    }
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (usableImage().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    // then kill -9: no clean stop
    Optional<TrieSnapshot> fromImage = usableImage();
    assertThat(fromImage).isPresent();
    assertThat(fromImage.get().nameCount()).isEqualTo(130);
    assertThat(fromImage.get().serial()).isEqualTo(zone.current().serial());
  }

  @Test
  void anImageTheJournalNoLongerReachesIsIgnored() {
    run(true, "a.example.org");
    run(false, "b.example.org");
    run(false, "c.example.org");
    db.inTransaction(
        c -> {
          ZoneStore.trimJournal(c, 1, Long.MAX_VALUE); // only the newest change set is left
          return null;
        });

    assertThat(usableImage()).isEmpty();
    assertThat(load().current().trie().toList())
        .containsExactly("a.example.org", "b.example.org", "c.example.org");
  }

  @Test
  void aDamagedImageIsIgnoredAndTheZoneRebuilt() {
    PublishedZone before = run(true, "a.example.org", "b.example.org");
    db.inTransaction(
        c -> {
          ZoneStore.StoredImage img = ZoneStore.image(c).orElseThrow();
          byte[] damaged = img.image().clone();
          damaged[damaged.length / 2] ^= 0x10;
          ZoneStore.saveImage(c, img.serial(), damaged, clock.millis());
          return null;
        });

    assertThat(usableImage()).isEmpty();
    PublishedZone again = load();
    assertThat(again.current().trie().toList()).isEqualTo(before.current().trie().toList());
  }

  @Test
  void anImageThatDisagreesWithTheEntriesIsIgnored() {
    run(true, "a.example.org", "b.example.org");
    // the store's flags say otherwise than the image (same serial): the store wins
    db.inTransaction(
        c ->
            c.createStatement()
                .executeUpdate("UPDATE entries SET in_zone = 0 WHERE name = 'b.example.org'"));

    assertThat(usableImage()).isEmpty();
    assertThat(load().current().trie().toList()).containsExactly("a.example.org");
  }

  @Test
  void noImageIsSavedForAZoneTheStoreHasMovedPast() {
    PublishedZone zone = run(false, "a.example.org");
    db.inTransaction(
        c -> {
          ZoneStore.setSerial(c, zone.current().serial() + 1, clock.millis());
          return null;
        });

    ZoneImages.save(db, zone.current(), clock);

    assertThat(db.read(ZoneStore::imageSerial)).isEmpty();
  }

  @Test
  void theImageIsSavedOncePerSerial() {
    PublishedZone zone = run(true, "a.example.org");
    long savedAt = db.<Long>read(ZoneImagesTest::savedAt);
    clock.advance(Duration.ofSeconds(30));

    ZoneImages.save(db, zone.current(), clock);

    long after = db.<Long>read(ZoneImagesTest::savedAt);
    assertThat(after).as("not written again").isEqualTo(savedAt);
  }

  private static long savedAt(java.sql.Connection c) throws java.sql.SQLException {
    try (var rs = c.createStatement().executeQuery("SELECT saved_at FROM zone_image")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
