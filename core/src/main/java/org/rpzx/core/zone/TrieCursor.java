package org.rpzx.core.zone;

/**
 * Depth-first pre-order walk of a {@link LabelTrie}, which is canonical DNS order. Keeps the path
 * in small per-depth arrays and the current name right-aligned in a {@link WireName}, so a step
 * allocates nothing: it pops finished levels and descends one child, prepending its label. The
 * left-aligned copy that {@link #wire()} returns is made only when asked for.
 */
final class TrieCursor implements NameCursor {

  private final LabelTrie trie;
  private final byte[] pool;

  /** Per depth: next child to visit, end of the child range, pool offset of the next child. */
  private final int[] nextChild;

  private final int[] childEnd;
  private final int[] nextOffset;

  /** The path's labels; its {@code fromRight[d - 1]} is where the node at depth d starts. */
  private final WireName name = new WireName();

  private final byte[] out = new byte[WireName.MAX_WIRE];
  private boolean outValid;
  private int depth;
  private int shared;
  private boolean done;

  TrieCursor(LabelTrie trie) {
    this.trie = trie;
    this.pool = trie.pool;
    int levels = trie.maxDepth() + 1;
    nextChild = new int[levels];
    childEnd = new int[levels];
    nextOffset = new int[levels];
    enter(0, 0);
  }

  @Override
  public boolean next() {
    if (done) {
      return false;
    }
    int low = depth;
    int[] fromRight = name.fromRight;
    while (true) {
      int d = depth;
      if (nextChild[d] < childEnd[d]) {
        int child = nextChild[d]++;
        int off = nextOffset[d];
        int len = 1 + pool[off];
        nextOffset[d] = off + len;
        int pos = (d == 0 ? WireName.END : fromRight[d - 1]) - len;
        System.arraycopy(pool, off, name.bytes, pos, len);
        fromRight[d] = pos;
        depth = ++d;
        enter(d, child);
        if (trie.isTerminal(child)) {
          shared = low;
          name.labelCount = d;
          name.length = WireName.END - pos;
          outValid = false;
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

  /** The current name, right-aligned (for merging; valid until the next step). */
  WireName currentName() {
    return name;
  }

  @Override
  public byte[] wire() {
    if (!outValid) {
      name.copyWireTo(out);
      outValid = true;
    }
    return out;
  }

  @Override
  public int wireLength() {
    return name.length;
  }

  @Override
  public int labelCount() {
    return name.labelCount;
  }

  @Override
  public int sharedSuffixLabels() {
    return shared;
  }

  @Override
  public String name() {
    return name.toName();
  }
}
