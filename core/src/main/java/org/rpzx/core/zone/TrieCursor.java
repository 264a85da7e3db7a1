package org.rpzx.core.zone;

/**
 * Depth-first pre-order walk of a {@link LabelTrie}, which is canonical DNS order. Keeps the path
 * in small per-depth arrays and the current name right-aligned in a work buffer, so a step
 * allocates nothing: it pops finished levels, descends one child (prepending its label) and, on a
 * name, copies the wire form to the front of the output buffer.
 */
final class TrieCursor implements NameCursor {

  private static final int WIRE_END = WireName.MAX_WIRE + 4;

  private final LabelTrie trie;
  private final byte[] pool;

  /** Per depth: next child to visit, end of the child range, pool offset of the next child. */
  private final int[] nextChild;

  private final int[] childEnd;
  private final int[] nextOffset;

  /** Per depth: where the name of the node on the path starts in {@link #work}. */
  private final int[] start;

  private final byte[] work = new byte[WIRE_END];
  private final byte[] out = new byte[WIRE_END];
  private int depth;
  private int outLength;
  private int labelCount;
  private int shared;
  private boolean done;

  TrieCursor(LabelTrie trie) {
    this.trie = trie;
    this.pool = trie.pool;
    int levels = trie.maxDepth() + 1;
    nextChild = new int[levels];
    childEnd = new int[levels];
    nextOffset = new int[levels];
    start = new int[levels];
    start[0] = WIRE_END;
    enter(0, 0);
  }

  @Override
  public boolean next() {
    if (done) {
      return false;
    }
    int low = depth;
    while (true) {
      int d = depth;
      if (nextChild[d] < childEnd[d]) {
        int child = nextChild[d]++;
        int off = nextOffset[d];
        int len = 1 + (pool[off] & 0xFF);
        nextOffset[d] = off + len;
        int pos = start[d] - len;
        System.arraycopy(pool, off, work, pos, len);
        depth = ++d;
        start[d] = pos;
        enter(d, child);
        if (trie.isTerminal(child)) {
          shared = low;
          labelCount = d;
          outLength = WIRE_END - pos;
          System.arraycopy(work, pos, out, 0, outLength);
          return true;
        }
      } else if (d == 0) {
        done = true;
        return false;
      } else {
        depth = --d;
        low = Math.min(low, d);
      }
    }
  }

  private void enter(int d, int node) {
    int r = trie.innerRank(node);
    if (r < 0) {
      nextChild[d] = 0;
      childEnd[d] = 0;
    } else {
      nextChild[d] = trie.childStart[r];
      childEnd[d] = trie.childStart[r + 1];
      nextOffset[d] = trie.labelOffset(nextChild[d]);
    }
  }

  @Override
  public byte[] wire() {
    return out;
  }

  @Override
  public int wireLength() {
    return outLength;
  }

  @Override
  public int labelCount() {
    return labelCount;
  }

  @Override
  public int sharedSuffixLabels() {
    return shared;
  }

  @Override
  public String name() {
    return WireName.toName(out, outLength);
  }
}
