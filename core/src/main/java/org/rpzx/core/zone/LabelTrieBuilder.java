package org.rpzx.core.zone;

/**
 * Builds a {@link LabelTrie} in one O(N) pass over names in canonical order. Canonical order is a
 * depth-first pre-order of the trie; appending each new node to the list of its depth therefore
 * yields every depth in breadth-first order, with the children of each node contiguous and sorted.
 * The depths are then concatenated into the trie's arrays. Nothing is allocated per name.
 */
final class LabelTrieBuilder {

  private static final int DEPTHS = WireName.MAX_LABELS + 2;

  private final TrieLevel[] levels = new TrieLevel[DEPTHS];
  private final LabelTrie sizeHint;
  private final int extraHint;
  private int names;
  private int maxDepth;
  private int maxWire;

  private LabelTrieBuilder(LabelTrie sizeHint, int extraHint) {
    this.sizeHint = sizeHint;
    this.extraHint = extraHint;
    TrieLevel root = level(0);
    byte[] emptyLabel = {0};
    root.add(emptyLabel, 0, 1);
  }

  /**
   * Builds from {@code source}; {@code sizeHint} (may be null) is a trie of about the expected
   * shape, {@code extraHint} how many more names there may be per depth, to size buffers.
   */
  static LabelTrie build(SortedNameSource source, LabelTrie sizeHint, int extraHint) {
    LabelTrieBuilder b = new LabelTrieBuilder(sizeHint, extraHint);
    b.consume(source);
    return b.assemble();
  }

  private void consume(SortedNameSource src) {
    int[] path = new int[DEPTHS];
    int prevDepth = 0;
    while (src.next()) {
      WireName cur = src.current();
      int shared = src.sharedWithPrevious();
      int depth = cur.labelCount;
      if (depth > maxDepth) {
        for (int d = maxDepth + 1; d <= depth; d++) {
          level(d);
        }
        maxDepth = depth;
      }
      byte[] bytes = cur.bytes;
      for (int d = shared + 1; d <= depth; d++) {
        int off = cur.labelFromRight(d - 1);
        int node = levels[d].add(bytes, off, 1 + bytes[off]);
        // first child of its parent: the parent is new too, or is the previous name itself
        if (d > shared + 1 || prevDepth == shared) {
          levels[d - 1].addInner(path[d - 1], node);
        }
        path[d] = node;
      }
      levels[depth].setTerminal(path[depth]);
      prevDepth = depth;
      names++;
      maxWire = Math.max(maxWire, cur.length);
    }
  }

  private LabelTrie assemble() {
    int[] levelStart = new int[maxDepth + 2];
    long nodes = 0;
    long poolTotal = 0;
    int innerTotal = 0;
    for (int d = 0; d <= maxDepth; d++) {
      levelStart[d] = (int) nodes;
      nodes += levels[d].count;
      poolTotal += levels[d].poolLength;
      innerTotal += levels[d].innerCount;
    }
    if (poolTotal > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("zone too large: over 2 GiB of label octets");
    }
    int n = (int) nodes;
    levelStart[maxDepth + 1] = n;
    byte[] pool = new byte[(int) poolTotal];
    int[] labelSample = new int[(n + LabelTrie.SAMPLE - 1) / LabelTrie.SAMPLE];
    long[] terminal = new long[(n + 63) >>> 6];
    long[] hasChildren = new long[(n + 63) >>> 6];
    int[] childStart = new int[innerTotal + 1];
    int poolAt = 0;
    int r = 0;
    for (int d = 0; d <= maxDepth; d++) {
      TrieLevel level = levels[d];
      int base = levelStart[d];
      System.arraycopy(level.pool, 0, pool, poolAt, level.poolLength);
      int off = poolAt;
      for (int i = 0; i < level.count; i++) {
        int node = base + i;
        if (node % LabelTrie.SAMPLE == 0) {
          labelSample[node / LabelTrie.SAMPLE] = off;
        }
        off += 1 + pool[off];
      }
      poolAt += level.poolLength;
      copyBits(level.terminal, level.count, terminal, base);
      copyBits(level.hasChildren, level.count, hasChildren, base);
      for (int i = 0; i < level.innerCount; i++) {
        childStart[r++] = levelStart[d + 1] + level.firstChild[i];
      }
      levels[d] = null; // let the buffers go as soon as they are copied
    }
    childStart[innerTotal] = n;
    return new LabelTrie(
        pool, labelSample, terminal, hasChildren, childStart, levelStart, names, maxWire);
  }

  private static void copyBits(long[] src, int count, long[] dst, int base) {
    for (int w = 0; w < src.length && (w << 6) < count; w++) {
      long bits = src[w];
      while (bits != 0) {
        int node = base + (w << 6) + Long.numberOfTrailingZeros(bits);
        dst[node >>> 6] |= 1L << node;
        bits &= bits - 1;
      }
    }
  }

  private TrieLevel level(int d) {
    if (levels[d] == null) {
      int nodes = 64;
      int pool = 256;
      if (sizeHint != null && d <= sizeHint.maxDepth()) {
        nodes = sizeHint.levelSize(d) + extraHint;
        pool = sizeHint.levelPoolSize(d) + extraHint * 16;
      }
      levels[d] = new TrieLevel(nodes, pool);
    }
    return levels[d];
  }
}
