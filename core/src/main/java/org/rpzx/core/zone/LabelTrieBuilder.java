package org.rpzx.core.zone;

import java.util.function.Supplier;

/**
 * Builds a {@link LabelTrie} in O(N) from names in canonical order, in two passes over the same
 * stream: the first counts nodes, label octets and inner nodes per depth; the second writes every
 * node straight into its breadth-first slot. Canonical order is a depth-first pre-order of the
 * trie, and a stable bucketing of that order by depth is the breadth-first order in which the
 * children of each node are contiguous and sorted. Nothing is allocated per name.
 */
final class LabelTrieBuilder {

  private static final int DEPTHS = WireName.MAX_LABELS + 2;

  /** Nodes, label octets (with length octet) and inner nodes, per depth. */
  private final int[] nodes = new int[DEPTHS];

  private final long[] poolBytes = new long[DEPTHS];
  private final int[] inner = new int[DEPTHS];
  private int names;
  private int maxDepth;
  private int maxWire;

  private LabelTrieBuilder() {}

  /**
   * Builds from a stream that {@code sources} can open twice. Duplicates are skipped.
   *
   * @throws IllegalArgumentException if the names are not in canonical order or one is invalid
   */
  static LabelTrie build(Supplier<SortedNameSource> sources) {
    LabelTrieBuilder b = new LabelTrieBuilder();
    b.count(sources.get());
    return b.fill(sources.get());
  }

  private void count(SortedNameSource src) {
    WireName prev = new WireName();
    while (src.next()) {
      WireName cur = src.current();
      int shared = step(cur, prev);
      if (shared < 0) {
        continue;
      }
      int depth = cur.labelCount;
      for (int d = shared + 1; d <= depth; d++) {
        nodes[d]++;
        poolBytes[d] += 1 + (cur.bytes[cur.labelFromRight(d - 1)] & 0xFF);
        if (firstChildOfParent(d, shared, prev)) {
          inner[d - 1]++;
        }
      }
      names++;
      maxDepth = Math.max(maxDepth, depth);
      maxWire = Math.max(maxWire, cur.length);
      prev.copyFrom(cur);
    }
  }

  private LabelTrie fill(SortedNameSource src) {
    int[] nodeAt = new int[DEPTHS];
    int[] poolAt = new int[DEPTHS];
    int[] innerAt = new int[DEPTHS];
    long nodeTotal = 1;
    long poolTotal = 1; // the root's empty label
    int innerTotal = 0;
    for (int d = 1; d <= maxDepth; d++) {
      nodeAt[d] = (int) nodeTotal;
      poolAt[d] = (int) poolTotal;
      nodeTotal += nodes[d];
      poolTotal += poolBytes[d];
      if (poolTotal > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("zone too large: over 2 GiB of label octets");
      }
    }
    for (int d = 0; d < maxDepth; d++) {
      innerAt[d] = innerTotal;
      innerTotal += inner[d];
    }
    int n = (int) nodeTotal;
    byte[] pool = new byte[(int) poolTotal];
    int[] labelSample = new int[(n + LabelTrie.SAMPLE - 1) / LabelTrie.SAMPLE];
    long[] terminal = new long[(n + 63) >>> 6];
    long[] hasChildren = new long[(n + 63) >>> 6];
    int[] childStart = new int[innerTotal + 1];
    int[] path = new int[DEPTHS];

    WireName prev = new WireName();
    int seen = 0;
    while (src.next()) {
      WireName cur = src.current();
      int shared = step(cur, prev);
      if (shared < 0) {
        continue;
      }
      int depth = cur.labelCount;
      for (int d = shared + 1; d <= depth; d++) {
        int node = nodeAt[d]++;
        int label = cur.labelFromRight(d - 1);
        int len = 1 + (cur.bytes[label] & 0xFF);
        if (node % LabelTrie.SAMPLE == 0) {
          labelSample[node / LabelTrie.SAMPLE] = poolAt[d];
        }
        System.arraycopy(cur.bytes, label, pool, poolAt[d], len);
        poolAt[d] += len;
        if (firstChildOfParent(d, shared, prev)) {
          int parent = path[d - 1];
          childStart[innerAt[d - 1]++] = node;
          hasChildren[parent >>> 6] |= 1L << parent;
        }
        path[d] = node;
      }
      int leaf = path[depth];
      terminal[leaf >>> 6] |= 1L << leaf;
      seen++;
      prev.copyFrom(cur);
    }
    if (seen != names) {
      throw new IllegalStateException("name source changed between passes");
    }
    childStart[innerTotal] = n;
    return new LabelTrie(
        pool, labelSample, terminal, hasChildren, childStart, n, names, maxDepth, maxWire);
  }

  /**
   * Whether the new node at depth {@code d} is the first child of its parent: the parent is new as
   * well, or it is the previous name itself (a name's descendants follow it directly).
   */
  private static boolean firstChildOfParent(int d, int shared, WireName prev) {
    return d > shared + 1 || prev.labelCount == shared;
  }

  /**
   * Number of rightmost labels {@code cur} shares with {@code prev}, or -1 for a duplicate.
   *
   * @throws IllegalArgumentException if {@code cur} does not sort after {@code prev}
   */
  private static int step(WireName cur, WireName prev) {
    int shared = cur.sharedSuffixLabels(prev);
    if (shared < cur.labelCount) {
      if (shared < prev.labelCount && cur.compareLabel(shared, prev, shared) < 0) {
        throw unsorted(cur, prev);
      }
      return shared;
    }
    if (cur.labelCount == prev.labelCount) {
      return -1;
    }
    throw unsorted(cur, prev);
  }

  private static IllegalArgumentException unsorted(WireName cur, WireName prev) {
    return new IllegalArgumentException(
        "names not in canonical order: " + cur.toName() + " after " + prev.toName());
  }
}
