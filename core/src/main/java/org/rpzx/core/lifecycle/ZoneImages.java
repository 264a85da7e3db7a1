package org.rpzx.core.lifecycle;

import java.time.Clock;
import java.util.Optional;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.ZoneStore;
import org.rpzx.core.zone.CorruptTrieImageException;
import org.rpzx.core.zone.LabelTrie;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.TrieImage;
import org.rpzx.core.zone.TrieSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zone image (ADR 0011): the published trie saved on a clean stop, and taken back at the next
 * start when it is provably the zone the store holds, its serial the stored serial and its name
 * count the number of names flagged {@code in_zone}. Anything else (no image, an older serial after
 * a crash, a damaged image) means the start-up rebuilds the trie from the entries, as without it.
 */
public final class ZoneImages {

  private static final Logger LOG = LoggerFactory.getLogger(ZoneImages.class);

  private ZoneImages() {}

  /**
   * The trie of the saved image if it is the zone at {@code serial} with {@code inZone} names, read
   * in the same transaction as those two; empty otherwise (the reason is logged).
   */
  static Optional<LabelTrie> usable(
      Optional<ZoneStore.StoredImage> stored, long serial, int inZone) {
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    ZoneStore.StoredImage image = stored.get();
    if (image.serial() != serial || image.nameCount() != inZone) {
      LOG.info(
          "zone image of serial {} ({} names) is not the stored zone (serial {}, {} names):"
              + " rebuilding from the entries",
          image.serial(),
          image.nameCount(),
          serial,
          inZone);
      return Optional.empty();
    }
    try {
      LabelTrie trie = TrieImage.decode(image.image());
      if (trie.nameCount() != inZone) {
        LOG.warn("zone image holds {} names, not {}: rebuilding", trie.nameCount(), inZone);
        return Optional.empty();
      }
      return Optional.of(trie);
    } catch (CorruptTrieImageException e) {
      LOG.warn("zone image unusable ({}): rebuilding from the entries", e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Saves the current zone as the image, unless the stored image already is this serial or the
   * store has moved past it (then the next start rebuilds, which is always correct). A failure is
   * logged, never thrown: the image only saves time.
   */
  public static void save(Database db, PublishedZone zone, Clock clock) {
    TrieSnapshot snapshot = zone.current();
    try {
      boolean wanted =
          db.read(
              c ->
                  ZoneStore.serial(c).orElse(-1L) == snapshot.serial()
                      && ZoneStore.imageSerial(c).orElse(-1L) != snapshot.serial());
      if (!wanted) {
        return;
      }
      long started = System.nanoTime();
      LabelTrie trie = snapshot.compacted().trie();
      byte[] image = TrieImage.encode(trie);
      boolean saved =
          db.inTransaction(
              c -> {
                if (ZoneStore.serial(c).orElse(-1L) != snapshot.serial()
                    || EntryStore.inZoneCount(c) != trie.nameCount()) {
                  return false;
                }
                ZoneStore.saveImage(c, snapshot.serial(), trie.nameCount(), image, clock.millis());
                return true;
              });
      if (saved) {
        LOG.info(
            "zone image saved: serial {}, {} names, {} bytes in {} ms",
            snapshot.serial(),
            trie.nameCount(),
            image.length,
            (System.nanoTime() - started) / 1_000_000);
      }
    } catch (RuntimeException e) {
      LOG.warn("zone image not saved: {}", e.toString());
    }
  }
}
