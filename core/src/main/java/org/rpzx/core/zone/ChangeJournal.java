package org.rpzx.core.zone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The IXFR journal: the latest change sets, oldest first, each starting where the previous one
 * ended. Immutable; {@link #append} returns a new journal that drops its oldest change sets while
 * it holds more than {@code maxChangeSets} or more than {@code maxBytes} (estimated as the total
 * length of the names it lists). A change set larger than {@code maxBytes} on its own empties the
 * journal: clients behind it need a full transfer anyway.
 *
 * <p>The journal must hold <em>effective</em> change sets (see {@link
 * TrieSnapshot#effectiveChanges}): every added name absent before, every removed one present.
 */
public final class ChangeJournal {

  /** Default bound on the number of change sets. */
  public static final int DEFAULT_MAX_CHANGE_SETS = 10_000;

  /** Default bound on the estimated size: 64 MiB of names. */
  public static final long DEFAULT_MAX_BYTES = 64L << 20;

  private final List<ChangeSet> changeSets;
  private final int maxChangeSets;
  private final long maxBytes;
  private final long bytes;

  private ChangeJournal(List<ChangeSet> changeSets, int maxChangeSets, long maxBytes, long bytes) {
    this.changeSets = changeSets;
    this.maxChangeSets = maxChangeSets;
    this.maxBytes = maxBytes;
    this.bytes = bytes;
  }

  /** An empty journal with these bounds. */
  public static ChangeJournal empty(int maxChangeSets, long maxBytes) {
    if (maxChangeSets < 0 || maxBytes < 0) {
      throw new IllegalArgumentException("journal bounds must not be negative");
    }
    return new ChangeJournal(List.of(), maxChangeSets, maxBytes, 0);
  }

  /** An empty journal with the default bounds. */
  public static ChangeJournal empty() {
    return empty(DEFAULT_MAX_CHANGE_SETS, DEFAULT_MAX_BYTES);
  }

  /**
   * A journal restored from stored change sets, oldest first; the oldest are dropped as far as the
   * bounds require.
   *
   * @throws IllegalArgumentException if they are not contiguous
   */
  public static ChangeJournal of(List<ChangeSet> changeSets, int maxChangeSets, long maxBytes) {
    ChangeJournal journal = empty(maxChangeSets, maxBytes);
    List<ChangeSet> list = new ArrayList<>(changeSets);
    requireContiguous(list);
    long total = 0;
    for (ChangeSet cs : list) {
      total += estimateBytes(cs);
    }
    return journal.trimmed(list, total);
  }

  /**
   * This journal with {@code changes} appended (and the oldest dropped as the bounds require).
   *
   * @throws IllegalArgumentException if {@code changes} does not start at the last serial
   */
  public ChangeJournal append(ChangeSet changes) {
    Objects.requireNonNull(changes);
    if (!changeSets.isEmpty()) {
      long last = changeSets.get(changeSets.size() - 1).toSerial();
      if (changes.fromSerial() != last) {
        throw new IllegalArgumentException(
            "change set starts at serial " + changes.fromSerial() + ", journal ends at " + last);
      }
    }
    List<ChangeSet> list = new ArrayList<>(changeSets.size() + 1);
    list.addAll(changeSets);
    list.add(changes);
    return trimmed(list, bytes + estimateBytes(changes));
  }

  /**
   * The way from a client's serial to {@code currentSerial}: {@link JournalQuery.UpToDate} when the
   * client is at the current serial or newer (RFC 1982), {@link JournalQuery.Changes} when the
   * journal holds an unbroken chain from the client's serial to the current one, else {@link
   * JournalQuery.TooOld}.
   */
  public JournalQuery since(long clientSerial, long currentSerial) {
    if (clientSerial == currentSerial || Serial.isNewer(clientSerial, currentSerial)) {
      return new JournalQuery.UpToDate(currentSerial);
    }
    int n = changeSets.size();
    if (n > 0 && changeSets.get(n - 1).toSerial() == currentSerial) {
      for (int i = n - 1; i >= 0; i--) {
        if (changeSets.get(i).fromSerial() == clientSerial) {
          return new JournalQuery.Changes(changeSets.subList(i, n));
        }
      }
    }
    return new JournalQuery.TooOld(n == 0 ? currentSerial : changeSets.get(0).fromSerial());
  }

  /**
   * The net difference of a contiguous chain of effective change sets, as one change set from the
   * first serial to the last, stamped with the last one's time: a name added then removed is in
   * neither list, one removed then added again likewise. Needs only the change sets, not the zones.
   *
   * @throws IllegalArgumentException if the chain is empty or not contiguous
   */
  public static ChangeSet condense(List<ChangeSet> chain) {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("nothing to condense");
    }
    requireContiguous(chain);
    ChangeSet first = chain.get(0);
    ChangeSet last = chain.get(chain.size() - 1);
    if (chain.size() == 1) {
      return first;
    }
    // net state per name touched: TRUE = added since the start, FALSE = removed since the start
    Map<String, Boolean> net = new HashMap<>();
    for (ChangeSet cs : chain) {
      for (String name : cs.added()) {
        if (net.get(name) == Boolean.FALSE) {
          net.remove(name); // removed, then back: as at the start
        } else {
          net.put(name, Boolean.TRUE);
        }
      }
      for (String name : cs.removed()) {
        if (net.get(name) == Boolean.TRUE) {
          net.remove(name); // added, then gone: as at the start
        } else {
          net.put(name, Boolean.FALSE);
        }
      }
    }
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    net.forEach((name, isAdded) -> (isAdded ? added : removed).add(name));
    added.sort(CanonicalNameOrder.INSTANCE);
    removed.sort(CanonicalNameOrder.INSTANCE);
    return new ChangeSet(first.fromSerial(), last.toSerial(), last.epochMillis(), added, removed);
  }

  /** The estimated size of a change set: the total length of the names it lists. */
  public static long estimateBytes(ChangeSet changes) {
    long sum = 0;
    for (String name : changes.added()) {
      sum += name.length();
    }
    for (String name : changes.removed()) {
      sum += name.length();
    }
    return sum;
  }

  /** The change sets, oldest first. */
  public List<ChangeSet> changeSets() {
    return changeSets;
  }

  public int size() {
    return changeSets.size();
  }

  public boolean isEmpty() {
    return changeSets.isEmpty();
  }

  /** Estimated size (see {@link #estimateBytes}). */
  public long bytes() {
    return bytes;
  }

  public int maxChangeSets() {
    return maxChangeSets;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Serial the oldest change set starts from, or -1 when empty. */
  public long oldestSerial() {
    return changeSets.isEmpty() ? -1 : changeSets.get(0).fromSerial();
  }

  /** Serial the newest change set ends at, or -1 when empty. */
  public long newestSerial() {
    return changeSets.isEmpty() ? -1 : changeSets.get(changeSets.size() - 1).toSerial();
  }

  private ChangeJournal trimmed(List<ChangeSet> list, long total) {
    int drop = 0;
    while (drop < list.size() && (list.size() - drop > maxChangeSets || total > maxBytes)) {
      total -= estimateBytes(list.get(drop++));
    }
    return new ChangeJournal(
        List.copyOf(list.subList(drop, list.size())), maxChangeSets, maxBytes, total);
  }

  private static void requireContiguous(List<ChangeSet> chain) {
    for (int i = 1; i < chain.size(); i++) {
      if (chain.get(i).fromSerial() != chain.get(i - 1).toSerial()) {
        throw new IllegalArgumentException(
            "change sets not contiguous at serial "
                + chain.get(i - 1).toSerial()
                + " -> "
                + chain.get(i).fromSerial());
      }
    }
  }

  @Override
  public String toString() {
    return "ChangeJournal["
        + changeSets.size()
        + " change sets, "
        + bytes
        + " bytes, serials "
        + oldestSerial()
        + ".."
        + newestSerial()
        + "]";
  }
}
