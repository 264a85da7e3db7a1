package org.rpzx.core.zone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * A {@link ZoneSnapshot} backed by a {@link LabelTrie}: serial, settings and the set of active
 * names. Immutable; {@link #apply} makes the next snapshot and leaves this one as it is, so serving
 * threads can keep reading it.
 *
 * <p>The names are an immutable base trie plus a small sorted overlay of names added to and removed
 * from it ({@link ZoneOverlay}): {@link #apply} only rebuilds the overlay, in proportion to its
 * size and the change, never the base. {@link #compacted()} folds the overlay into a new base in
 * O(N); {@link PublishedZone} does that in the background once {@link #wantsCompaction()}.
 */
public final class TrieSnapshot implements ZoneSnapshot {

  /** Octets of the {@code "*."} in front of a wildcard owner name. */
  private static final int WILDCARD_PREFIX = 2;

  private static final int MAX_NAME_WIRE = 255;

  private final ZoneSettings settings;
  private final long serial;

  /** Overlay size that asks for compaction: 1/32 of the zone, between these bounds. */
  private static final int MIN_COMPACTION = 4096;

  private static final int MAX_COMPACTION = 65_536;

  private final LabelTrie trie;
  private final ZoneOverlay overlay;

  /**
   * @throws IllegalArgumentException if the serial is not a 32-bit value, or the longest name's
   *     wildcard owner under the origin would exceed 255 octets
   */
  public TrieSnapshot(ZoneSettings settings, long serial, LabelTrie trie) {
    this(settings, serial, trie, ZoneOverlay.EMPTY);
  }

  private TrieSnapshot(ZoneSettings settings, long serial, LabelTrie trie, ZoneOverlay overlay) {
    this.settings = Objects.requireNonNull(settings);
    this.trie = Objects.requireNonNull(trie);
    this.overlay = overlay;
    if (!Serial.isValid(serial)) {
      throw new IllegalArgumentException("not a 32-bit serial: " + serial);
    }
    this.serial = serial;
    int maxWire = Math.max(trie.maxWireLength(), overlay.maxWireLength());
    if (maxWire > 0 && !fits(maxWire)) {
      throw new IllegalArgumentException(
          "a name is too long for origin " + settings.origin() + " (" + maxWire + ")");
    }
  }

  /** A zone without names. */
  public static TrieSnapshot empty(ZoneSettings settings, long serial) {
    return new TrieSnapshot(settings, serial, LabelTrie.empty());
  }

  /**
   * A zone of {@code names} in any order (see {@link LabelTrie#of} for what a valid name is).
   *
   * @throws IllegalArgumentException if a name is invalid or too long for the origin
   */
  public static TrieSnapshot of(ZoneSettings settings, long serial, Collection<String> names) {
    return new TrieSnapshot(settings, serial, LabelTrie.of(names));
  }

  /**
   * The name set as one trie: the base itself when there is no overlay, else a merge of the two in
   * O(N) (not cached; for tools and tests).
   */
  public LabelTrie trie() {
    return overlay.isEmpty() ? trie : trie.merge(overlay.added, overlay.removed);
  }

  /** Names added to or removed from the base since it was built. */
  public int overlaySize() {
    return overlay.size();
  }

  /** Whether the overlay has grown enough that {@link #compacted()} should fold it in. */
  public boolean wantsCompaction() {
    int bound = Math.max(MIN_COMPACTION, Math.min(MAX_COMPACTION, trie.nameCount() / 32));
    return overlay.size() > bound;
  }

  /** The same zone with its overlay folded into a new base: O(N); this one is not touched. */
  public TrieSnapshot compacted() {
    return overlay.isEmpty() ? this : new TrieSnapshot(settings, serial, trie());
  }

  /**
   * This zone on the base of {@code compacted}, which {@link #compacted()} made from {@code
   * source}, an earlier snapshot on the same base as this one: the overlay becomes the difference
   * between this zone and the new base, found among the names either overlay lists (every other
   * name is in both or neither). Null if {@code source} is not on this one's base.
   */
  TrieSnapshot rebasedOn(TrieSnapshot source, TrieSnapshot compacted) {
    if (source.trie != trie || !compacted.overlay.isEmpty()) {
      return null;
    }
    if (overlay == source.overlay) {
      return new TrieSnapshot(settings, serial, compacted.trie); // the same names
    }
    LabelTrie newBase = compacted.trie;
    // each overlay list is sorted without duplicates, and an added name is never also removed
    List<String> candidates =
        SortedNames.union(
            SortedNames.union(source.overlay.added, source.overlay.removed),
            SortedNames.union(overlay.added, overlay.removed));
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (String name : candidates) {
      boolean here = contains(name);
      boolean there = newBase.contains(name);
      if (here && !there) {
        added.add(name);
      } else if (!here && there) {
        removed.add(name);
      }
    }
    return new TrieSnapshot(
        settings,
        serial,
        newBase,
        ZoneOverlay.of(newBase, CanonicalList.trusted(added), CanonicalList.trusted(removed)));
  }

  /**
   * The part of {@code changes} that changes this zone: added names not yet present and removed
   * names present, both sorted canonically and without duplicates; serials and time kept. A name in
   * both lists is an error.
   *
   * @throws IllegalArgumentException if the change set does not start at this serial, lists a name
   *     as both added and removed, or adds an invalid name or one too long for the origin
   */
  public ChangeSet effectiveChanges(ChangeSet changes) {
    if (changes.fromSerial() != serial) {
      throw new IllegalArgumentException(
          "change set starts at serial " + changes.fromSerial() + ", zone is at " + serial);
    }
    List<String> added = CanonicalList.sortedCopy(changes.added());
    List<String> removed = CanonicalList.sortedCopy(changes.removed());
    requireDisjoint(added, removed);
    List<String> effAdded = filter(distinct(added), true);
    List<String> effRemoved = filter(distinct(removed), false);
    return new ChangeSet(
        changes.fromSerial(), changes.toSerial(), changes.epochMillis(), effAdded, effRemoved);
  }

  /**
   * The snapshot at {@code changes.toSerial()}: this one's names minus removed, plus added, in O(k
   * log k + overlay) (the base is shared, the overlay rebuilt). The change set is authoritative but
   * applied as its {@link #effectiveChanges}, so adding a present name or removing an absent one is
   * harmless (replays are safe). Nothing changes if it throws.
   *
   * @throws IllegalArgumentException as {@link #effectiveChanges}
   */
  public TrieSnapshot apply(ChangeSet changes) {
    return applyEffective(effectiveChanges(changes));
  }

  /** {@link #apply} for a change set that {@link #effectiveChanges} returned. */
  TrieSnapshot applyEffective(ChangeSet effective) {
    // an added name is either a removed base name coming back or new to the base; likewise a
    // removed one either leaves the added names or the base
    List<String> added =
        SortedNames.union(
            SortedNames.minus(overlay.added, effective.removed()),
            SortedNames.minus(effective.added(), overlay.removed));
    List<String> removed =
        SortedNames.union(
            SortedNames.minus(overlay.removed, effective.added()),
            SortedNames.minus(effective.removed(), overlay.added));
    return new TrieSnapshot(
        settings, effective.toSerial(), trie, ZoneOverlay.of(trie, added, removed));
  }

  @Override
  public long serial() {
    return serial;
  }

  @Override
  public ZoneSettings settings() {
    return settings;
  }

  @Override
  public int nameCount() {
    return overlay.nameCount(trie);
  }

  @Override
  public boolean contains(String name) {
    return overlay.isEmpty() ? trie.contains(name) : overlay.contains(trie, name);
  }

  @Override
  public NameMatch match(String relativeName) {
    return overlay.isEmpty() ? trie.match(relativeName) : overlay.match(trie, relativeName);
  }

  @Override
  public NameCursor cursor() {
    return overlay.isEmpty() ? trie.cursor() : overlay.cursor(trie);
  }

  @Override
  public long retainedBytes() {
    return 40 + trie.retainedBytes() + (overlay.isEmpty() ? 0 : overlay.retainedBytes());
  }

  @Override
  public String toString() {
    return "TrieSnapshot["
        + settings.origin()
        + " serial="
        + serial
        + ", names="
        + nameCount()
        + ", overlay="
        + overlay.size()
        + "]";
  }

  private boolean fits(int relativeWire) {
    return WILDCARD_PREFIX + relativeWire + settings.originWireLength() <= MAX_NAME_WIRE;
  }

  /** {@link #contains} for names in canonical order, faster than one by one; for one thread. */
  private Predicate<String> sortedContains() {
    return overlay.isEmpty() ? new SortedLookup(trie)::contains : overlay.sortedContains(trie);
  }

  /** Names per slice when {@link #filter} runs on several cores. */
  private static final int PARALLEL_SLICE = 65_536;

  /** {@code sorted} without adjacent duplicates. */
  private static List<String> distinct(List<String> sorted) {
    List<String> out = new ArrayList<>(sorted.size());
    String last = null;
    for (String name : sorted) {
      if (!name.equals(last)) {
        out.add(name);
      }
      last = name;
    }
    return CanonicalList.trusted(out);
  }

  /**
   * The names this zone lacks (checked valid: they are to be added) or, with {@code !absent},
   * holds; order kept. Large lists are looked up in slices on several cores (the snapshot is
   * immutable): a large submission's million names take ~1 s on one.
   */
  private List<String> filter(List<String> names, boolean absent) {
    if (names.size() < 2 * PARALLEL_SLICE) {
      return CanonicalList.trusted(filterSlice(names, absent));
    }
    int slices = (names.size() + PARALLEL_SLICE - 1) / PARALLEL_SLICE;
    List<List<String>> parts =
        IntStream.range(0, slices)
            .parallel()
            .mapToObj(
                i ->
                    filterSlice(
                        names.subList(
                            i * PARALLEL_SLICE, Math.min(names.size(), (i + 1) * PARALLEL_SLICE)),
                        absent))
            .toList();
    List<String> out = new ArrayList<>(names.size());
    parts.forEach(out::addAll);
    return CanonicalList.trusted(out);
  }

  private List<String> filterSlice(List<String> names, boolean absent) {
    List<String> out = new ArrayList<>();
    WireName scratch = new WireName();
    Predicate<String> present = sortedContains();
    for (String name : names) {
      if (present.test(name) != absent) {
        if (absent) {
          checkValid(scratch, name);
        }
        out.add(name);
      }
    }
    return out;
  }

  private void checkValid(WireName scratch, String name) {
    scratch.setFromString(name);
    if (!fits(name.length() + 1)) {
      throw new IllegalArgumentException(
          "name too long for origin " + settings.origin() + ": " + name);
    }
  }

  private static void requireDisjoint(List<String> added, List<String> removed) {
    int i = 0;
    int j = 0;
    while (i < added.size() && j < removed.size()) {
      int c = CanonicalNameOrder.INSTANCE.compare(added.get(i), removed.get(j));
      if (c == 0) {
        throw new IllegalArgumentException("name both added and removed: " + added.get(i));
      }
      if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
  }
}
