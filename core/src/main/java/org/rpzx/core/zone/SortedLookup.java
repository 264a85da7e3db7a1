package org.rpzx.core.zone;

import java.util.Arrays;

/**
 * Looks up many names in one {@link LabelTrie} when they come in canonical order, as a large change
 * set's do: at each depth the search starts where the previous name's search under the same parent
 * ended and steps forward through the sibling labels, instead of a binary search from scratch
 * (about 20 label comparisons under a TLD with half a million children). Names out of order are
 * still answered correctly, by the binary search. Not thread-safe: one per thread.
 */
final class SortedLookup {

  /** Siblings stepped over one by one before the search falls back to bisection. */
  private static final int MAX_STEPS = 16;

  private final LabelTrie trie;

  /** Per depth: the parent node the previous search there ran under, or -1. */
  private final int[] parentAt = new int[WireName.MAX_LABELS + 1];

  /** Per depth: the first child of that parent whose label was not below the previous label. */
  private final int[] positionAt = new int[WireName.MAX_LABELS + 1];

  SortedLookup(LabelTrie trie) {
    this.trie = trie;
    Arrays.fill(parentAt, -1);
  }

  /** {@link LabelTrie#findNode}: the node of {@code name}, or -1. */
  int findNode(String name) {
    if (name.isEmpty()) {
      return 0;
    }
    int node = 0;
    int end = name.length();
    for (int depth = 0; depth < parentAt.length; depth++) {
      int start = name.lastIndexOf('.', end - 1) + 1;
      node = findChild(depth, node, name, start, end);
      if (node < 0 || start == 0) {
        return node;
      }
      end = start - 1;
    }
    return -1; // more labels than any name can have
  }

  /** {@link LabelTrie#contains}. */
  boolean contains(String name) {
    int node = findNode(name);
    return node > 0 && trie.isTerminal(node);
  }

  private int findChild(int depth, int node, String q, int from, int to) {
    int r = trie.innerRank(node);
    if (r < 0) {
      return -1;
    }
    int lo = trie.childStart[r];
    int hi = trie.childStart[r + 1];
    int idx = lo;
    if (parentAt[depth] == node) {
      int hint = positionAt[depth];
      // every child before the hint is below the previous label: below this one too if in order
      if (hint == lo || trie.compareLabel(trie.labelOffset(hint - 1), q, from, to) < 0) {
        idx = hint;
      }
    }
    int c = 1;
    int off = idx < hi ? trie.labelOffset(idx) : 0;
    int steps = 0;
    while (idx < hi && (c = trie.compareLabel(off, q, from, to)) < 0) {
      if (++steps == MAX_STEPS) {
        idx = lowerBound(idx + 1, hi, q, from, to);
        c = idx < hi ? trie.compareLabel(trie.labelOffset(idx), q, from, to) : 1;
        break;
      }
      off += 1 + (trie.pool[off] & 0xFF);
      idx++;
    }
    parentAt[depth] = node;
    positionAt[depth] = idx;
    return idx < hi && c == 0 ? idx : -1;
  }

  /** The first child in {@code [lo, hi)} whose label is not below {@code q[from, to)}. */
  private int lowerBound(int lo, int hi, String q, int from, int to) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (trie.compareLabel(trie.labelOffset(mid), q, from, to) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
