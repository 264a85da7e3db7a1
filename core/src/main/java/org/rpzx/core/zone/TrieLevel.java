package org.rpzx.core.zone;

import java.util.Arrays;

/**
 * The nodes of one depth while a {@link LabelTrieBuilder} runs, in breadth-first (= canonical)
 * order: their labels, terminal and has-children bits, and for each inner node the index of its
 * first child in the next level. Growable; thrown away once the trie is assembled.
 */
final class TrieLevel {

  byte[] pool;
  int poolLength;
  int count;
  long[] terminal;
  long[] hasChildren;
  int[] firstChild;
  int innerCount;

  TrieLevel(int nodeCapacity, int poolCapacity) {
    int nodes = Math.max(64, nodeCapacity);
    pool = new byte[Math.max(256, poolCapacity)];
    terminal = new long[(nodes + 63) >>> 6];
    hasChildren = new long[(nodes + 63) >>> 6];
    firstChild = new int[16];
  }

  /** Appends a node with the label {@code src[off, off + len)} (length octet included). */
  int add(byte[] src, int off, int len) {
    if (poolLength + len > pool.length) {
      pool = Arrays.copyOf(pool, grow(pool.length, poolLength + len));
    }
    System.arraycopy(src, off, pool, poolLength, len);
    poolLength += len;
    if (count >>> 6 >= terminal.length) {
      int words = grow(terminal.length, (count >>> 6) + 1);
      terminal = Arrays.copyOf(terminal, words);
      hasChildren = Arrays.copyOf(hasChildren, words);
    }
    return count++;
  }

  void setTerminal(int node) {
    terminal[node >>> 6] |= 1L << node;
  }

  /** Records that {@code node} of this level has its first child at {@code child} of the next. */
  void addInner(int node, int child) {
    hasChildren[node >>> 6] |= 1L << node;
    if (innerCount == firstChild.length) {
      firstChild = Arrays.copyOf(firstChild, grow(firstChild.length, innerCount + 1));
    }
    firstChild[innerCount++] = child;
  }

  private static int grow(int current, int needed) {
    long next = Math.max(needed, current + (current >> 1) + 16L);
    if (next > Integer.MAX_VALUE - 16) {
      if (needed > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("zone too large");
      }
      next = Integer.MAX_VALUE - 16;
    }
    return (int) next;
  }
}
