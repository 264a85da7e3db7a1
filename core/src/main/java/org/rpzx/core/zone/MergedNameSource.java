package org.rpzx.core.zone;

import java.util.List;

/**
 * The names of an existing trie, minus {@code removed}, plus {@code added}, in canonical order: a
 * single merge of the old trie's walk (read in place, not copied) with the two sorted lists. A name
 * both present and added comes out once; removed names that are not present are ignored.
 */
final class MergedNameSource implements SortedNameSource {

  private final TrieCursor old;
  private final WireName oldName;
  private final StringNameSource added;
  private final StringNameSource removed;

  /** Copy of the name returned last, to measure what the next one shares with it. */
  private final WireName previous = new WireName();

  private boolean oldValid;
  private boolean addValid;
  private boolean removedValid;
  private boolean advanceOld = true;
  private boolean advanceAdd = true;
  private boolean previousFromOld;

  /** Least shared-suffix count along the old walk since the old name returned last. */
  private int oldChainShared = Integer.MAX_VALUE;

  private WireName current;
  private int shared;

  MergedNameSource(LabelTrie base, List<String> added, List<String> removed) {
    this.old = new TrieCursor(base);
    this.oldName = old.currentName();
    this.added = new StringNameSource(added);
    this.removed = new StringNameSource(removed);
    removedValid = this.removed.next();
  }

  @Override
  public boolean next() {
    if (advanceOld) {
      advanceOld();
    }
    if (advanceAdd) {
      addValid = added.next();
    }
    advanceOld = false;
    advanceAdd = false;
    if (!oldValid && !addValid) {
      return false;
    }
    int c = !oldValid ? 1 : !addValid ? -1 : oldName.compareTo(added.current());
    if (c <= 0) {
      current = oldName;
      advanceOld = true;
      advanceAdd = c == 0;
      shared = previousFromOld ? oldChainShared : oldName.sharedSuffixLabels(previous);
      previousFromOld = true;
      oldChainShared = Integer.MAX_VALUE;
    } else {
      current = added.current();
      advanceAdd = true;
      shared = current.sharedSuffixLabels(previous);
      previousFromOld = false;
    }
    previous.copyFrom(current);
    return true;
  }

  @Override
  public WireName current() {
    return current;
  }

  @Override
  public int sharedWithPrevious() {
    return shared;
  }

  private void advanceOld() {
    while (old.next()) {
      // in sorted order, what two names share is the least shared by any neighbours between them
      oldChainShared = Math.min(oldChainShared, old.sharedSuffixLabels());
      while (removedValid && removed.current().compareTo(oldName) < 0) {
        removedValid = removed.next();
      }
      if (removedValid && removed.current().compareTo(oldName) == 0) {
        removedValid = removed.next();
        continue;
      }
      oldValid = true;
      return;
    }
    oldValid = false;
  }
}
