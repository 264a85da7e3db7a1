package org.rpzx.core.zone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ZoneSnapshot} backed by a {@link LabelTrie}: serial, settings and the set of active
 * names. Immutable; {@link #apply} makes the next snapshot and leaves this one as it is, so serving
 * threads can keep reading it.
 */
public final class TrieSnapshot implements ZoneSnapshot {

  /** Octets of the {@code "*."} in front of a wildcard owner name. */
  private static final int WILDCARD_PREFIX = 2;

  private static final int MAX_NAME_WIRE = 255;

  private final ZoneSettings settings;
  private final long serial;
  private final LabelTrie trie;

  /**
   * @throws IllegalArgumentException if the serial is not a 32-bit value, or the longest name's
   *     wildcard owner under the origin would exceed 255 octets
   */
  public TrieSnapshot(ZoneSettings settings, long serial, LabelTrie trie) {
    this.settings = Objects.requireNonNull(settings);
    this.trie = Objects.requireNonNull(trie);
    if (!Serial.isValid(serial)) {
      throw new IllegalArgumentException("not a 32-bit serial: " + serial);
    }
    this.serial = serial;
    if (trie.nameCount() > 0 && !fits(trie.maxWireLength())) {
      throw new IllegalArgumentException(
          "a name is too long for origin " + settings.origin() + " (" + trie.maxWireLength() + ")");
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

  /** The name set. */
  public LabelTrie trie() {
    return trie;
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
    List<String> added = LabelTrie.sortedCopy(changes.added());
    List<String> removed = LabelTrie.sortedCopy(changes.removed());
    requireDisjoint(added, removed);
    List<String> effAdded = new ArrayList<>();
    WireName scratch = new WireName();
    String last = null;
    for (String name : added) {
      if (name.equals(last)) {
        continue;
      }
      last = name;
      if (!trie.contains(name)) {
        checkValid(scratch, name);
        effAdded.add(name);
      }
    }
    List<String> effRemoved = new ArrayList<>();
    last = null;
    for (String name : removed) {
      if (!name.equals(last) && trie.contains(name)) {
        effRemoved.add(name);
      }
      last = name;
    }
    return new ChangeSet(
        changes.fromSerial(), changes.toSerial(), changes.epochMillis(), effAdded, effRemoved);
  }

  /**
   * The snapshot at {@code changes.toSerial()}: this one's names minus removed, plus added, in O(N
   * + k log k). The change set is authoritative but applied as its {@link #effectiveChanges}, so
   * adding a present name or removing an absent one is harmless (replays are safe). Nothing changes
   * if it throws.
   *
   * @throws IllegalArgumentException as {@link #effectiveChanges}
   */
  public TrieSnapshot apply(ChangeSet changes) {
    return applyEffective(effectiveChanges(changes));
  }

  /** {@link #apply} for a change set that {@link #effectiveChanges} returned. */
  TrieSnapshot applyEffective(ChangeSet effective) {
    return new TrieSnapshot(
        settings, effective.toSerial(), trie.merge(effective.added(), effective.removed()));
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
    return trie.nameCount();
  }

  @Override
  public boolean contains(String name) {
    return trie.contains(name);
  }

  @Override
  public NameMatch match(String relativeName) {
    return trie.match(relativeName);
  }

  @Override
  public NameCursor cursor() {
    return trie.cursor();
  }

  @Override
  public long retainedBytes() {
    return 32 + trie.retainedBytes();
  }

  @Override
  public String toString() {
    return "TrieSnapshot["
        + settings.origin()
        + " serial="
        + serial
        + ", names="
        + nameCount()
        + "]";
  }

  private boolean fits(int relativeWire) {
    return WILDCARD_PREFIX + relativeWire + settings.originWireLength() <= MAX_NAME_WIRE;
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
