package org.rpzx.core.zone;

import java.util.Arrays;

/**
 * Names from canonical sort keys ({@link WireName#toCanonicalKey()}) sorted by unsigned
 * lexicographic order; duplicates are skipped. Sorting such keys is several times faster than
 * sorting the strings: each comparison is one vectorised mismatch over one small array.
 */
final class KeyNameSource implements SortedNameSource {

  private final byte[][] keys;
  private final WireName current = new WireName();
  private int index;
  private int shared;

  KeyNameSource(byte[][] sortedKeys) {
    this.keys = sortedKeys;
  }

  @Override
  public boolean next() {
    while (index < keys.length) {
      byte[] key = keys[index++];
      if (index == 1) {
        shared = 0;
      } else {
        byte[] prev = keys[index - 2];
        int mismatch = Arrays.mismatch(prev, key);
        if (mismatch < 0) {
          continue; // duplicate
        }
        // labels completed before the first difference are shared
        int labels = 0;
        for (int i = 0; i < mismatch; i++) {
          if (key[i] == 0) {
            labels++;
          }
        }
        shared = labels;
      }
      current.setFromCanonicalKey(key);
      return true;
    }
    return false;
  }

  @Override
  public WireName current() {
    return current;
  }

  @Override
  public int sharedWithPrevious() {
    return shared;
  }
}
