package org.rpzx.core.zone;

import java.util.Arrays;

/**
 * Names from canonical keys packed back to back (see {@link NameKeys}), visited in a sorted order
 * of their indices; equal keys are skipped.
 */
final class PackedKeySource implements SortedNameSource {

  private final byte[] data;
  private final int[] ends;
  private final int[] order;
  private final WireName current = new WireName();
  private int position;
  private int prevStart = -1;
  private int prevEnd;
  private int shared;

  PackedKeySource(byte[] data, int[] ends, int[] order) {
    this.data = data;
    this.ends = ends;
    this.order = order;
  }

  @Override
  public boolean next() {
    while (position < order.length) {
      int idx = order[position++];
      int start = idx == 0 ? 0 : ends[idx - 1];
      int end = ends[idx];
      if (prevStart < 0) {
        shared = 0;
      } else {
        int mismatch = Arrays.mismatch(data, prevStart, prevEnd, data, start, end);
        if (mismatch < 0) {
          continue; // a duplicate
        }
        // labels completed before the first difference are shared
        int labels = 0;
        for (int i = start, stop = start + mismatch; i < stop; i++) {
          if (data[i] == 0) {
            labels++;
          }
        }
        shared = labels;
      }
      prevStart = start;
      prevEnd = end;
      current.setFromCanonicalKey(data, start, end);
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
