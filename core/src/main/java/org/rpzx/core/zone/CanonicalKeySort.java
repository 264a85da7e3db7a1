package org.rpzx.core.zone;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Sorts canonical keys ({@link WireName#writeCanonicalKey}) held back to back in one array, in
 * unsigned lexicographic order, which is canonical name order. An MSD radix sort whose digit is a
 * run of key octets packed with the key's index into one {@code long}: each pass is a primitive
 * {@link Arrays#sort(long[], int, int)} over a range, and only ranges whose digits tie go on to the
 * next octets. No comparator, no object per key: fast even before the JIT has warmed up, which is
 * what start-up needs (a comparator sort of a million {@code byte[]} took seconds there).
 */
final class CanonicalKeySort {

  /** Sorts of at least this many keys finish the ranges of their first digit on all cores. */
  private static final int PARALLEL_FROM = 1 << 15;

  /** Ranges at most this long are finished by insertion sort on the whole remaining keys. */
  private static final int SMALL = 12;

  private final byte[] data;
  private final int[] ends;
  private final int idxBits;
  private final long idxMask;
  private final int digitOctets;
  private final int digitShift;

  private CanonicalKeySort(byte[] data, int[] ends, int count) {
    this.data = data;
    this.ends = ends;
    this.idxBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, count - 1)));
    this.idxMask = (1L << idxBits) - 1;
    this.digitOctets = (64 - idxBits) / 8;
    this.digitShift = 64 - digitOctets * 8;
  }

  /**
   * Key indices in sorted order; key {@code i} is {@code data[i == 0 ? 0 : ends[i - 1], ends[i])}.
   * Equal keys are adjacent, in no particular order.
   */
  static int[] sort(byte[] data, int[] ends, int count) {
    return new CanonicalKeySort(data, ends, count).run(count);
  }

  private int[] run(int count) {
    long[] a = new long[count];
    for (int i = 0; i < count; i++) {
      a[i] = i;
    }
    RangeStack first = new RangeStack();
    sortRange(a, 0, count, 0, first);
    if (count >= PARALLEL_FROM) {
      // the first digit split the keys into independent ranges: finish them on all cores
      IntStream.range(0, first.size / 3)
          .parallel()
          .forEach(
              r -> {
                RangeStack own = new RangeStack();
                own.push(first.items[3 * r], first.items[3 * r + 1], first.items[3 * r + 2]);
                finish(a, own);
              });
    } else {
      finish(a, first);
    }
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = (int) (a[i] & idxMask);
    }
    return order;
  }

  /** Sorts the ranges on {@code stack} and those they split into. */
  private void finish(long[] a, RangeStack stack) {
    while (stack.size > 0) {
      stack.size -= 3;
      sortRange(
          a,
          stack.items[stack.size],
          stack.items[stack.size + 1],
          stack.items[stack.size + 2],
          stack);
    }
  }

  /**
   * Sorts {@code a[lo, hi)}, whose keys agree on their first {@code depth} octets, by their next
   * digit; runs that tie on it go onto {@code stack}.
   */
  private void sortRange(long[] a, int lo, int hi, int depth, RangeStack stack) {
    if (hi - lo <= SMALL) {
      insertionSort(a, lo, hi, depth);
      return;
    }
    for (int i = lo; i < hi; i++) {
      int idx = (int) (a[i] & idxMask);
      a[i] = (digit(idx, depth) << digitShift | idx) ^ Long.MIN_VALUE;
    }
    Arrays.sort(a, lo, hi);
    int next = depth + digitOctets;
    int runStart = lo;
    for (int i = lo + 1; i <= hi; i++) {
      if (i == hi || ((a[i] ^ a[runStart]) >>> digitShift) != 0) {
        if (i - runStart > 1 && anyLongerThan(a, runStart, i, next)) {
          stack.push(runStart, i, next);
        }
        runStart = i;
      }
    }
  }

  /** Ranges still to sort: (lo, hi, depth) triples; one per thread. */
  private static final class RangeStack {
    int[] items = new int[48];
    int size;

    void push(int lo, int hi, int depth) {
      if (size + 3 > items.length) {
        items = Arrays.copyOf(items, items.length * 2);
      }
      items[size++] = lo;
      items[size++] = hi;
      items[size++] = depth;
    }
  }

  /** The octets {@code [depth, depth + digitOctets)} of a key, zero-padded, as an integer. */
  private long digit(int idx, int depth) {
    int start = idx == 0 ? 0 : ends[idx - 1];
    int from = start + depth;
    int to = Math.min(ends[idx], from + digitOctets);
    long d = 0;
    int i = from;
    for (; i < to; i++) {
      d = d << 8 | (data[i] & 0xFF);
    }
    return d << ((from + digitOctets - Math.max(i, from)) * 8);
  }

  /**
   * Whether a key of the run goes on past {@code depth} octets. If none does, the run's keys are
   * equal: a key that ends inside a digit is followed by zero padding, which no longer key can
   * match there (no key holds two zero octets in a row).
   */
  private boolean anyLongerThan(long[] a, int lo, int hi, int depth) {
    for (int i = lo; i < hi; i++) {
      int idx = (int) (a[i] & idxMask);
      int start = idx == 0 ? 0 : ends[idx - 1];
      if (ends[idx] - start > depth) {
        return true;
      }
    }
    return false;
  }

  private void insertionSort(long[] a, int lo, int hi, int depth) {
    for (int i = lo + 1; i < hi; i++) {
      long v = a[i];
      int j = i - 1;
      while (j >= lo && compare(a[j], v, depth) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  private int compare(long x, long y, int depth) {
    int i = (int) (x & idxMask);
    int j = (int) (y & idxMask);
    int endI = ends[i];
    int endJ = ends[j];
    int fromI = Math.min((i == 0 ? 0 : ends[i - 1]) + depth, endI);
    int fromJ = Math.min((j == 0 ? 0 : ends[j - 1]) + depth, endJ);
    return Arrays.compareUnsigned(data, fromI, endI, data, fromJ, endJ);
  }
}
