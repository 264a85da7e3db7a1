package org.rpzx.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.ZoneStore;
import org.rpzx.core.zone.LabelTrie;
import org.rpzx.core.zone.PublishedZone;

/**
 * The zone image is used only when it is the zone the store holds; every other start rebuilds from
 * the entries, and both give the same zone.
 */
class ZoneImagesTest extends StoreWithInstitution {

  private Optional<LabelTrie> usableImage() {
    return db.read(
        c ->
            ZoneImages.usable(
                ZoneStore.image(c), ZoneStore.serial(c).orElseThrow(), EntryStore.inZoneCount(c)));
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
    assertThat(saved.nameCount()).isEqualTo(3);
    assertThat(usableImage()).isPresent();

    PublishedZone again = load();
    assertThat(again.current().serial()).isEqualTo(before.current().serial());
    assertThat(again.current().trie().toList()).isEqualTo(before.current().trie().toList());
  }

  @Test
  void aStartAfterACrashRebuildsFromTheEntries() {
    run(true, "a.example.org");
    PublishedZone crashed = run(false, "b.example.org"); // published, then kill -9: no save

    assertThat(usableImage()).as("the image is of the serial before").isEmpty();
    PublishedZone again = load();
    assertThat(again.current().serial()).isEqualTo(crashed.current().serial());
    assertThat(again.current().trie().toList()).containsExactly("a.example.org", "b.example.org");
  }

  @Test
  void aDamagedImageIsIgnoredAndTheZoneRebuilt() {
    PublishedZone before = run(true, "a.example.org", "b.example.org");
    db.inTransaction(
        c -> {
          ZoneStore.StoredImage img = ZoneStore.image(c).orElseThrow();
          byte[] damaged = img.image().clone();
          damaged[damaged.length / 2] ^= 0x10;
          ZoneStore.saveImage(c, img.serial(), img.nameCount(), damaged, clock.millis());
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

    ZoneImages.save(db, zone, clock);

    assertThat(db.read(ZoneStore::imageSerial)).isEmpty();
  }

  @Test
  void theImageIsSavedOncePerSerial() {
    PublishedZone zone = run(true, "a.example.org");
    long savedAt = db.<Long>read(ZoneImagesTest::savedAt);
    clock.advance(Duration.ofSeconds(30));

    ZoneImages.save(db, zone, clock);

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
