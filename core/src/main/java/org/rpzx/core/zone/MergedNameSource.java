package org.rpzx.core.zone;

import java.util.List;

/**
 * The names of an existing trie, minus {@code removed}, plus {@code added}, in canonical order: a
 * single merge pass over the old trie's walk and the two sorted lists. A name both present and
 * added comes out once; removed names that are not present are ignored.
 */
final class MergedNameSource implements SortedNameSource {

  private final TrieCursor old;
  private final List<String> added;
  private final List<String> removed;
  private final WireName oldName = new WireName();
  private final WireName addName = new WireName();
  private final WireName removedName = new WireName();
  private int addIndex;
  private int removedIndex;
  private boolean oldValid;
  private boolean addValid;
  private boolean removedValid;
  private boolean advanceOld = true;
  private boolean advanceAdd = true;
  private WireName current;

  MergedNameSource(LabelTrie base, List<String> added, List<String> removed) {
    this.old = new TrieCursor(base);
    this.added = added;
    this.removed = removed;
    advanceRemoved();
  }

  @Override
  public boolean next() {
    if (advanceOld) {
      advanceOld();
    }
    if (advanceAdd) {
      addValid = addIndex < added.size();
      if (addValid) {
        addName.setFromString(added.get(addIndex++));
      }
    }
    advanceOld = false;
    advanceAdd = false;
    if (!oldValid && !addValid) {
      return false;
    }
    int c = !oldValid ? 1 : !addValid ? -1 : oldName.compareTo(addName);
    if (c <= 0) {
      current = oldName;
      advanceOld = true;
      advanceAdd = c == 0;
    } else {
      current = addName;
      advanceAdd = true;
    }
    return true;
  }

  @Override
  public WireName current() {
    return current;
  }

  private void advanceOld() {
    while (old.next()) {
      oldName.setFromWire(old.wire(), old.wireLength());
      while (removedValid && removedName.compareTo(oldName) < 0) {
        advanceRemoved();
      }
      if (removedValid && removedName.compareTo(oldName) == 0) {
        advanceRemoved();
        continue;
      }
      oldValid = true;
      return;
    }
    oldValid = false;
  }

  private void advanceRemoved() {
    removedValid = removedIndex < removed.size();
    if (removedValid) {
      removedName.setFromString(removed.get(removedIndex++));
    }
  }
}
