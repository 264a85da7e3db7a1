package org.rpzx.core.lifecycle;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.UnderivedSubmissions;
import org.rpzx.core.store.ZoneStore;
import org.rpzx.core.zone.ChangeJournal;
import org.rpzx.core.zone.ChangeSet;
import org.rpzx.core.zone.NameKeys;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.Serial;
import org.rpzx.core.zone.TrieSnapshot;
import org.rpzx.core.zone.ZoneSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the in-memory zone from the store at start: the names flagged {@code in_zone} (after
 * writing the entry rows of any submission that has none yet), the stored serial and the journal. A
 * new store gets a clock-based first serial, so a re-created deployment starts ahead of what old
 * secondaries hold.
 */
public final class ZoneLoader {

  private static final Logger LOG = LoggerFactory.getLogger(ZoneLoader.class);

  private ZoneLoader() {}

  public static PublishedZone load(
      Database db, ZoneSettings zoneSettings, LifecycleSettings settings, Clock clock) {
    long started = System.nanoTime();
    db.inTransaction(
        c -> {
          if (ZoneStore.serial(c).isEmpty()) {
            long now = clock.millis();
            ZoneStore.setSerial(c, Serial.next(0, Math.floorDiv(now, 1000)), now);
          }
          // a crash between a large submission's two transactions (ADR 0012): its names are in
          // the zone's journal already, its entry rows are written now, before anything reads them
          long derived = UnderivedSubmissions.deriveAll(c);
          if (derived > 0) {
            LOG.info("wrote the entry rows of {} names submitted before the last stop", derived);
          }
          return null;
        });
    record Stored(
        long serial, Optional<TrieSnapshot> image, NameKeys names, List<ChangeSet> journal) {}
    Stored stored =
        db.read(
            c -> {
              long serial = ZoneStore.serial(c).orElseThrow();
              List<ChangeSet> journal = ZoneStore.journal(c);
              int inZone = EntryStore.inZoneCount(c);
              Optional<TrieSnapshot> image =
                  ZoneImages.usable(ZoneStore.image(c), serial, inZone, journal, zoneSettings);
              return new Stored(
                  serial,
                  image,
                  image.isPresent() ? null : EntryStore.inZoneKeys(c, inZone),
                  journal);
            });
    long read = System.nanoTime();
    TrieSnapshot snapshot =
        stored
            .image()
            .orElseGet(
                () -> new TrieSnapshot(zoneSettings, stored.serial(), stored.names().toTrie()));
    PublishedZone zone =
        new PublishedZone(
            snapshot,
            ChangeJournal.of(
                stored.journal(), settings.journalMaxChangeSets(), settings.journalMaxBytes()));
    LOG.info(
        "zone {} loaded{}: serial {}, {} names, {} journal change sets in {} ms ({} ms reading)",
        zoneSettings.origin(),
        stored.image().isPresent() ? " from its image" : "",
        stored.serial(),
        snapshot.nameCount(),
        stored.journal().size(),
        (System.nanoTime() - started) / 1_000_000,
        (read - started) / 1_000_000);
    return zone;
  }
}
