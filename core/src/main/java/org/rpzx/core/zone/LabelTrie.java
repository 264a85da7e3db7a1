package org.rpzx.core.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable set of names relative to the origin, stored as a label-reversed trie in a handful of
 * primitive arrays (no object per name or node). The root is the apex; each node holds one label; a
 * node's name reads from it up to the root.
 *
 * <p>Layout, with nodes numbered in breadth-first order so that the children of a node are
 * contiguous and sorted as octet strings:
 *
 * <ul>
 *   <li>{@code pool}: every node's label in wire form (length octet, then the octets), in node
 *       order; the root holds the empty label. {@code labelSample[i]} is the offset of node {@code
 *       i * SAMPLE}; the others are reached by skipping at most {@code SAMPLE - 1} labels.
 *   <li>{@code hasChildren}: a bit per node, with a rank directory ({@code rankDirectory[w]} = set
 *       bits before word {@code w}); the children of the {@code r}-th inner node are {@code
 *       [childStart[r], childStart[r + 1])}. Leaves, most nodes, cost one bit.
 *   <li>{@code terminal}: a bit per node, set when the node's name is in the set.
 * </ul>
 *
 * <p>That is the label octets plus about 1.8 octets per node, plus 4 per inner node. Lookups walk
 * from the TLD with a binary search among the children at each level; the canonical walk ({@link
 * #cursor()}) is a depth-first pre-order.
 */
public final class LabelTrie {

  static final int SAMPLE = 8;

  private static final LabelTrie EMPTY = build(List.of());

  final byte[] pool;
  final int[] labelSample;
  final long[] terminal;
  final long[] hasChildren;
  final int[] rankDirectory;
  final int[] childStart;

  /** First node of each depth; the last entry is the node count. */
  private final int[] levelStart;

  private final int nameCount;
  private final int maxWireLength;

  LabelTrie(
      byte[] pool,
      int[] labelSample,
      long[] terminal,
      long[] hasChildren,
      int[] childStart,
      int[] levelStart,
      int nameCount,
      int maxWireLength) {
    this.pool = pool;
    this.labelSample = labelSample;
    this.terminal = terminal;
    this.hasChildren = hasChildren;
    this.rankDirectory = new int[hasChildren.length];
    int sum = 0;
    for (int w = 0; w < hasChildren.length; w++) {
      rankDirectory[w] = sum;
      sum += Long.bitCount(hasChildren[w]);
    }
    this.childStart = childStart;
    this.levelStart = levelStart;
    this.nameCount = nameCount;
    this.maxWireLength = maxWireLength;
  }

  /** The empty set. */
  public static LabelTrie empty() {
    return EMPTY;
  }

  /**
   * Builds from names in canonical order ({@link CanonicalNameOrder}) in O(N); duplicates are
   * skipped.
   *
   * @throws IllegalArgumentException if a name is invalid (see {@link #of}) or out of order
   */
  public static LabelTrie fromSorted(List<String> sortedNames) {
    return build(CanonicalList.copyOfSorted(sortedNames));
  }

  /**
   * Builds from names in any order: O(N) when they are sorted already, else a sort of canonical
   * keys, O(N log N); duplicates are skipped. A name is lower-case text without trailing dot, of
   * labels of 1 to 63 printable ASCII octets other than {@code .}, none of them a lone {@code *},
   * at most 251 characters.
   *
   * @throws IllegalArgumentException if a name is invalid
   */
  public static LabelTrie of(Collection<String> names) {
    List<String> list = List.copyOf(names);
    try {
      return build(list); // input from a store is often sorted already
    } catch (StringNameSource.OutOfOrderException unsorted) {
      return buildFromKeys(list);
    }
  }

  /** Sorts packed canonical keys instead of strings: several times faster at a million names. */
  private static LabelTrie buildFromKeys(List<String> names) {
    NameKeys keys = new NameKeys(names.size(), 0);
    for (String name : names) {
      keys.add(name);
    }
    return keys.toTrie();
  }

  private static LabelTrie build(List<String> sortedNames) {
    return LabelTrieBuilder.build(new StringNameSource(sortedNames), null, 0);
  }

  /**
   * This set minus {@code removed} plus {@code added}, in O(N + k log k): one merge of this trie's
   * canonical walk with the two lists (each sorted first unless already in canonical order). This
   * trie is not touched. Added names already present and removed names absent change nothing; a
   * name in both lists ends up present.
   *
   * @throws IllegalArgumentException if a name is invalid
   */
  public LabelTrie merge(Collection<String> added, Collection<String> removed) {
    List<String> add = CanonicalList.sortedCopy(added);
    List<String> remove = CanonicalList.sortedCopy(removed);
    if (add.isEmpty() && remove.isEmpty()) {
      return this;
    }
    return LabelTrieBuilder.build(new MergedNameSource(this, add, remove), this, add.size());
  }

  /** Number of names in the set. */
  public int nameCount() {
    return nameCount;
  }

  /** Number of trie nodes, the root included. */
  public int nodeCount() {
    return levelStart[levelStart.length - 1];
  }

  /** Most labels of any name. */
  public int maxDepth() {
    return levelStart.length - 2;
  }

  /** Nodes at depth {@code d} (0 = the root). */
  int levelSize(int d) {
    return levelStart[d + 1] - levelStart[d];
  }

  /** Label octets of the nodes at depth {@code d}. */
  int levelPoolSize(int d) {
    int end = levelStart[d + 1] == nodeCount() ? pool.length : labelOffset(levelStart[d + 1]);
    return end - labelOffset(levelStart[d]);
  }

  /** Longest name in wire form (without root label); 0 when empty. */
  public int maxWireLength() {
    return maxWireLength;
  }

  /** Whether {@code name} is in the set (ASCII case-insensitive). */
  public boolean contains(String name) {
    if (name.isEmpty()) {
      return false;
    }
    int node = 0;
    int end = name.length();
    while (true) {
      int start = name.lastIndexOf('.', end - 1) + 1;
      node = findChild(node, name, start, end);
      if (node < 0) {
        return false;
      }
      if (start == 0) {
        return isTerminal(node);
      }
      end = start - 1;
    }
  }

  /**
   * Classifies a query name relative to the origin, where the zone holds {@code N} and {@code *.N}
   * for every name {@code N} of the set (see {@link NameMatch}; RFC 4592 for wildcards). Existing
   * names are the trie's nodes (inner ones are empty non-terminals) and the implied {@code *.N}.
   * Allocation-free; ASCII case-insensitive.
   */
  public NameMatch match(String relativeName) {
    String q = relativeName;
    if (q.isEmpty()) {
      return NameMatch.APEX;
    }
    int node = 0;
    int end = q.length();
    while (true) {
      int start = q.lastIndexOf('.', end - 1) + 1;
      int child = findChild(node, q, start, end);
      if (child < 0) {
        // node is the closest encloser among trie nodes; the next label is not below it
        boolean wildcardLabel = end - start == 1 && q.charAt(start) == '*';
        if (isTerminal(node) && wildcardLabel) {
          // *.N exists; anything below it has closest encloser *.N and no *.*.N to match
          return start == 0 ? NameMatch.WILDCARD_OWNER : NameMatch.NX_DOMAIN;
        }
        return isTerminal(node) ? NameMatch.WILDCARD_MATCH : NameMatch.NX_DOMAIN;
      }
      if (start == 0) {
        return isTerminal(child) ? NameMatch.NAME : NameMatch.EMPTY_NON_TERMINAL;
      }
      node = child;
      end = start - 1;
    }
  }

  /** A fresh walk over the names in canonical order. */
  public NameCursor cursor() {
    return new TrieCursor(this);
  }

  /** All names in canonical order (allocates a string per name; for tests and tools). */
  public List<String> toList() {
    List<String> out = new ArrayList<>(nameCount);
    NameCursor c = cursor();
    while (c.next()) {
      out.add(c.name());
    }
    return out;
  }

  /** Heap bytes of the arrays and this object (64-bit JVM, compressed references). */
  public long retainedBytes() {
    return 48
        + arrayBytes(pool.length, 1)
        + arrayBytes(labelSample.length, 4)
        + arrayBytes(terminal.length, 8)
        + arrayBytes(hasChildren.length, 8)
        + arrayBytes(rankDirectory.length, 4)
        + arrayBytes(childStart.length, 4)
        + arrayBytes(levelStart.length, 4);
  }

  /** Same names in the same layout: the arrays are equal. */
  boolean sameLayout(LabelTrie o) {
    return nameCount == o.nameCount
        && maxWireLength == o.maxWireLength
        && Arrays.equals(levelStart, o.levelStart)
        && Arrays.equals(pool, o.pool)
        && Arrays.equals(labelSample, o.labelSample)
        && Arrays.equals(terminal, o.terminal)
        && Arrays.equals(hasChildren, o.hasChildren)
        && Arrays.equals(childStart, o.childStart);
  }

  /** First node of each depth, the node count last (for {@link TrieImage}). */
  int[] levelStart() {
    return levelStart;
  }

  boolean isTerminal(int node) {
    return (terminal[node >>> 6] & (1L << node)) != 0;
  }

  /** Index into {@link #childStart} of {@code node}'s children, or -1 for a leaf. */
  int innerRank(int node) {
    long word = hasChildren[node >>> 6];
    if ((word & (1L << node)) == 0) {
      return -1;
    }
    return rankDirectory[node >>> 6] + Long.bitCount(word & ((1L << node) - 1));
  }

  /** Offset in {@link #pool} of {@code node}'s label (its length octet). */
  int labelOffset(int node) {
    int off = labelSample[node / SAMPLE];
    for (int skip = node % SAMPLE; skip > 0; skip--) {
      off += 1 + (pool[off] & 0xFF);
    }
    return off;
  }

  /** The node of {@code name} (case-insensitive), or -1 if it is not a node of the trie. */
  int findNode(String name) {
    if (name.isEmpty()) {
      return 0;
    }
    int node = 0;
    int end = name.length();
    while (true) {
      int start = name.lastIndexOf('.', end - 1) + 1;
      node = findChild(node, name, start, end);
      if (node < 0 || start == 0) {
        return node;
      }
      end = start - 1;
    }
  }

  /** Number of children of {@code node}. */
  int childCount(int node) {
    int r = innerRank(node);
    return r < 0 ? 0 : childStart[r + 1] - childStart[r];
  }

  /** The child of {@code node} whose label is {@code q[from, to)}, or -1. */
  int findChild(int node, String q, int from, int to) {
    int r = innerRank(node);
    if (r < 0) {
      return -1;
    }
    int lo = childStart[r];
    int hi = childStart[r + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compareLabel(labelOffset(mid), q, from, to);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Compares the label at pool offset {@code off} with {@code q[from, to)}, case-insensitively. */
  int compareLabel(int off, String q, int from, int to) {
    int len = pool[off] & 0xFF;
    int qlen = to - from;
    int n = Math.min(len, qlen);
    for (int i = 0; i < n; i++) {
      int a = pool[off + 1 + i] & 0xFF;
      int b = CanonicalNameOrder.lower(q.charAt(from + i));
      if (a != b) {
        return a - b;
      }
    }
    return len - qlen;
  }

  private static long arrayBytes(long length, int elementSize) {
    return (16 + length * elementSize + 7) & ~7L;
  }

  @Override
  public String toString() {
    return "LabelTrie[names=" + nameCount + ", nodes=" + nodeCount() + "]";
  }
}
