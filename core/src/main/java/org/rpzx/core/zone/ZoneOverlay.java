package org.rpzx.core.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The names a snapshot holds beyond, or no longer holds from, its immutable base {@link LabelTrie}:
 * a small sorted overlay, so that publishing a change set costs in proportion to the overlay and
 * not to the zone. Lookups walk the base and a small trie of the added names side by side; removed
 * names are base nodes that are no longer terminal, and base nodes whose every name below is
 * removed are dead (they no longer exist). The AXFR walk merges the base walk with the two lists.
 *
 * <p>Invariants: {@code added} holds no base name, {@code removed} only base names; both are sorted
 * canonically, without duplicates.
 */
final class ZoneOverlay {

  static final ZoneOverlay EMPTY =
      new ZoneOverlay(List.of(), List.of(), LabelTrie.empty(), new int[0], new int[0]);

  final List<String> added;
  final List<String> removed;
  private final LabelTrie addedTrie;

  /** Base nodes of the removed names, sorted. */
  private final int[] removedNodes;

  /** Base nodes with no name left at or below them, sorted. */
  private final int[] deadNodes;

  private ZoneOverlay(
      List<String> added,
      List<String> removed,
      LabelTrie addedTrie,
      int[] removedNodes,
      int[] deadNodes) {
    this.added = added;
    this.removed = removed;
    this.addedTrie = addedTrie;
    this.removedNodes = removedNodes;
    this.deadNodes = deadNodes;
  }

  /**
   * The overlay over {@code base} with {@code added} (none of them in {@code base}) and {@code
   * removed} (all of them in {@code base}), both sorted canonically without duplicates.
   */
  static ZoneOverlay of(LabelTrie base, List<String> added, List<String> removed) {
    if (added.isEmpty() && removed.isEmpty()) {
      return EMPTY;
    }
    int[] removedNodes = new int[removed.size()];
    // every base node on the path of a removed name, with its parent and depth
    Map<Integer, int[]> onPath = new HashMap<>();
    for (int i = 0; i < removedNodes.length; i++) {
      String name = removed.get(i);
      int node = 0;
      int depth = 0;
      int end = name.length();
      while (true) {
        int start = name.lastIndexOf('.', end - 1) + 1;
        int child = base.findChild(node, name, start, end);
        if (child < 0) {
          throw new IllegalStateException("removed name not in base: " + name);
        }
        onPath.putIfAbsent(child, new int[] {node, ++depth, 0});
        node = child;
        if (start == 0) {
          break;
        }
        end = start - 1;
      }
      removedNodes[i] = node;
    }
    Arrays.sort(removedNodes);
    // deepest first: a node is dead when its own name is gone and all its children are dead
    List<Map.Entry<Integer, int[]>> nodes = new ArrayList<>(onPath.entrySet());
    nodes.sort((a, b) -> Integer.compare(b.getValue()[1], a.getValue()[1]));
    int[] dead = new int[nodes.size()];
    int deadCount = 0;
    for (Map.Entry<Integer, int[]> e : nodes) {
      int node = e.getKey();
      int[] info = e.getValue();
      boolean ownName = base.isTerminal(node) && Arrays.binarySearch(removedNodes, node) < 0;
      if (!ownName && info[2] == base.childCount(node)) {
        dead[deadCount++] = node;
        int[] parent = onPath.get(info[0]);
        if (parent != null) {
          parent[2]++;
        }
      }
    }
    int[] deadNodes = Arrays.copyOf(dead, deadCount);
    Arrays.sort(deadNodes);
    return new ZoneOverlay(
        CanonicalList.copyOfSorted(added),
        CanonicalList.copyOfSorted(removed),
        LabelTrie.fromSorted(added),
        removedNodes,
        deadNodes);
  }

  /** Longest added name in wire form (removals never lengthen a zone). */
  int maxWireLength() {
    return addedTrie.maxWireLength();
  }

  boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty();
  }

  int size() {
    return added.size() + removed.size();
  }

  /** Names in the zone: the base's, less the removed, plus the added. */
  int nameCount(LabelTrie base) {
    return base.nameCount() + added.size() - removed.size();
  }

  boolean contains(LabelTrie base, String name) {
    return !name.isEmpty() && (addedTrie.contains(name) || isBaseName(base, base.findNode(name)));
  }

  /** {@link #contains} for many names in canonical order ({@link SortedLookup}); for one thread. */
  Predicate<String> sortedContains(LabelTrie base) {
    SortedLookup inAdded = new SortedLookup(addedTrie);
    SortedLookup inBase = new SortedLookup(base);
    return name ->
        !name.isEmpty() && (inAdded.contains(name) || isBaseName(base, inBase.findNode(name)));
  }

  /** Whether base node {@code node} (-1 for none) is a name this overlay has not removed. */
  private boolean isBaseName(LabelTrie base, int node) {
    return node > 0 && base.isTerminal(node) && !isRemoved(node);
  }

  /** {@link LabelTrie#match} over the base and this overlay together. Allocation-free. */
  NameMatch match(LabelTrie base, String q) {
    if (q.isEmpty()) {
      return NameMatch.APEX;
    }
    int nodeB = 0;
    int nodeA = 0;
    int end = q.length();
    while (true) {
      int start = q.lastIndexOf('.', end - 1) + 1;
      int childB = nodeB < 0 ? -1 : base.findChild(nodeB, q, start, end);
      if (childB >= 0 && isDead(childB)) {
        childB = -1;
      }
      int childA = nodeA < 0 ? -1 : addedTrie.findChild(nodeA, q, start, end);
      if (childB < 0 && childA < 0) {
        // the current node is the closest encloser; the next label is not below it
        boolean terminal = isTerminal(base, nodeB, nodeA);
        boolean wildcardLabel = end - start == 1 && q.charAt(start) == '*';
        if (terminal && wildcardLabel) {
          return start == 0 ? NameMatch.WILDCARD_OWNER : NameMatch.NX_DOMAIN;
        }
        return terminal ? NameMatch.WILDCARD_MATCH : NameMatch.NX_DOMAIN;
      }
      if (start == 0) {
        return isTerminal(base, childB, childA) ? NameMatch.NAME : NameMatch.EMPTY_NON_TERMINAL;
      }
      nodeB = childB;
      nodeA = childA;
      end = start - 1;
    }
  }

  /** A walk over the base's names less the removed plus the added, in canonical order. */
  NameCursor cursor(LabelTrie base) {
    return new SourceCursor(new MergedNameSource(base, added, removed));
  }

  /** Heap bytes beyond the base (names as strings estimated at 48 octets plus their length). */
  long retainedBytes() {
    long strings = 0;
    for (String n : added) {
      strings += 48 + n.length();
    }
    for (String n : removed) {
      strings += 48 + n.length();
    }
    return 64 + strings + addedTrie.retainedBytes() + 4L * (removedNodes.length + deadNodes.length);
  }

  private boolean isTerminal(LabelTrie base, int nodeB, int nodeA) {
    return (nodeA >= 0 && addedTrie.isTerminal(nodeA))
        || (nodeB >= 0 && base.isTerminal(nodeB) && !isRemoved(nodeB));
  }

  private boolean isRemoved(int node) {
    return removedNodes.length > 0 && Arrays.binarySearch(removedNodes, node) >= 0;
  }

  private boolean isDead(int node) {
    return deadNodes.length > 0 && Arrays.binarySearch(deadNodes, node) >= 0;
  }
}
