package org.rpzx.core.lifecycle;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.ZoneStore;
import org.rpzx.core.zone.ChangeSet;
import org.rpzx.core.zone.LabelTrie;
import org.rpzx.core.zone.TrieImage;
import org.rpzx.core.zone.TrieSnapshot;
import org.rpzx.core.zone.ZoneSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zone image (ADR 0011): the published trie saved on a clean stop, and taken back at the next
 * start, with the journal's change sets since it applied if the store has moved on (a crash after
 * later publications), when that gives exactly as many names as the store flags {@code in_zone}.
 * Anything else (no image, a journal that no longer reaches back to it, a damaged image) means the
 * start-up rebuilds the trie from the entries, as without it.
 */
public final class ZoneImages {

  private static final Logger LOG = LoggerFactory.getLogger(ZoneImages.class);

  private ZoneImages() {}

  /**
   * The zone at {@code serial} with {@code inZone} names, from the saved image, read in the same
   * transaction as those two and {@code journal}: the image itself if it is of {@code serial}, or
   * the image with the journal's change sets since its serial applied (a start after a crash);
   * empty if there is no image, the journal does not lead from it to {@code serial}, it is damaged,
   * or the name count differs (the reason is logged).
   */
  static Optional<TrieSnapshot> usable(
      Optional<ZoneStore.StoredImage> stored,
      long serial,
      int inZone,
      List<ChangeSet> journal,
      ZoneSettings settings) {
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    ZoneStore.StoredImage image = stored.get();
    Optional<ChangeSet> since =
        image.serial() == serial ? Optional.empty() : netChange(image, serial, journal);
    if (image.serial() != serial && since.isEmpty()) {
      LOG.info(
          "zone image of serial {} is not in the journal's reach of serial {}:"
              + " rebuilding from the entries",
          image.serial(),
          serial);
      return Optional.empty();
    }
    try {
      LabelTrie trie = TrieImage.decode(image.image());
      TrieSnapshot snapshot = new TrieSnapshot(settings, image.serial(), trie);
      if (since.isPresent()) {
        snapshot = snapshot.apply(since.get());
        if (snapshot.wantsCompaction()) {
          snapshot = snapshot.compacted();
        }
        LOG.info(
            "zone image of serial {} brought to serial {} by the journal (+{} -{} names)",
            image.serial(),
            serial,
            since.get().added().size(),
            since.get().removed().size());
      }
      if (snapshot.nameCount() != inZone) {
        LOG.warn(
            "zone image (serial {}) leads to {} names, the store flags {}: rebuilding",
            image.serial(),
            snapshot.nameCount(),
            inZone);
        return Optional.empty();
      }
      return Optional.of(snapshot);
    } catch (IllegalArgumentException e) {
      // a CorruptTrieImageException, or a journal change set that does not fit the image
      LOG.warn("zone image unusable ({}): rebuilding from the entries", e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The journal's change sets from the image's serial to {@code serial} folded into one (the last
   * change of each name wins), or empty if the journal holds no such unbroken chain.
   */
  private static Optional<ChangeSet> netChange(
      ZoneStore.StoredImage image, long serial, List<ChangeSet> journal) {
    int from = -1;
    for (int i = 0; i < journal.size(); i++) {
      if (journal.get(i).fromSerial() == image.serial()) {
        from = i;
        break;
      }
    }
    if (from < 0) {
      return Optional.empty();
    }
    Map<String, Boolean> present = new HashMap<>();
    long at = image.serial();
    long millis = 0;
    for (ChangeSet cs : journal.subList(from, journal.size())) {
      if (cs.fromSerial() != at) {
        return Optional.empty();
      }
      cs.removed().forEach(n -> present.put(n, false));
      cs.added().forEach(n -> present.put(n, true));
      at = cs.toSerial();
      millis = cs.epochMillis();
    }
    if (at != serial) {
      return Optional.empty();
    }
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    present.forEach((n, in) -> (in ? added : removed).add(n));
    return Optional.of(new ChangeSet(image.serial(), serial, millis, added, removed));
  }

  /**
   * Saves {@code snapshot} (the current zone at a clean stop, a freshly compacted one, or the
   * current one every so many publications) as the image, unless the stored image already is of its
   * serial or a start could not use it: its serial is neither the stored one nor one the journal
   * leads on from. The image is checked again when it is loaded. A failure is logged, never thrown:
   * the image only saves time.
   */
  public static void save(Database db, TrieSnapshot snapshot, Clock clock) {
    long serial = snapshot.serial();
    try {
      boolean wanted =
          db.read(c -> ZoneStore.imageSerial(c).orElse(-1L) != serial && reachable(c, serial));
      if (!wanted) {
        return;
      }
      long started = System.nanoTime();
      LabelTrie trie = snapshot.compacted().trie();
      byte[] image = TrieImage.encode(trie);
      boolean saved =
          db.inTransaction(
              c -> {
                if (!reachable(c, serial)) {
                  return false; // the journal moved past it meanwhile
                }
                ZoneStore.saveImage(c, serial, image, clock.millis());
                return true;
              });
      if (saved) {
        LOG.info(
            "zone image saved: serial {}, {} names, {} bytes in {} ms",
            serial,
            trie.nameCount(),
            image.length,
            (System.nanoTime() - started) / 1_000_000);
      }
    } catch (RuntimeException e) {
      LOG.warn("zone image not saved: {}", e.toString());
    }
  }

  /** Whether a start could use an image of {@code serial}. */
  private static boolean reachable(Connection c, long serial) throws SQLException {
    return ZoneStore.serial(c).orElse(-1L) == serial || ZoneStore.journalStartsAt(c, serial);
  }
}
