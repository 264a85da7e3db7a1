package org.rpzx.core.zone;

import java.util.Arrays;
import java.util.List;

/**
 * Collects names in any order as canonical sort keys packed into one array, then builds a {@link
 * LabelTrie} from them: the start-up path from the store, where names arrive as ASCII text and
 * never become {@code String}s. Each name is checked as {@link LabelTrie#of} checks it. Not
 * thread-safe; for one build.
 */
public final class NameKeys {

  private final WireName scratch = new WireName();
  private byte[] data;
  private int length;
  private int[] ends;
  private int count;

  /** An empty collection sized for about {@code names} names of {@code octets} octets in all. */
  public NameKeys(int names, long octets) {
    if (octets + names > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("zone too large: over 2 GiB of names");
    }
    data = new byte[(int) Math.max(64, octets + names)];
    ends = new int[Math.max(16, names)];
  }

  public NameKeys() {
    this(0, 0);
  }

  /**
   * Adds one name (see {@link LabelTrie#of} for what a valid name is).
   *
   * @throws IllegalArgumentException if the name is invalid; nothing is added then
   */
  public void add(String name) {
    scratch.setFromString(name);
    append();
  }

  /**
   * Adds the names in {@code text[from, to)}: ASCII, separated by {@code '\n'} (an empty line is an
   * empty name, hence invalid).
   *
   * @throws IllegalArgumentException at the first invalid name; the names before it are added
   */
  public void addLines(byte[] text, int from, int to) {
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || text[i] == '\n') {
        scratch.setFromAscii(text, start, i);
        append();
        start = i + 1;
      }
    }
  }

  /** Number of names added (duplicates included). */
  public int size() {
    return count;
  }

  /** The trie of the names added; duplicates are skipped. */
  public LabelTrie toTrie() {
    int[] order = CanonicalKeySort.sort(data, ends, count);
    return LabelTrieBuilder.build(new PackedKeySource(data, ends, order), null, 0);
  }

  /**
   * {@code names} in canonical order ({@link CanonicalNameOrder}), by the radix sort of their keys:
   * for large change sets, where a comparator sort of a million strings costs about a second.
   *
   * @throws IllegalArgumentException if a name is invalid (see {@link LabelTrie#of})
   */
  public static List<String> sortedCanonically(List<String> names) {
    NameKeys keys = new NameKeys(names.size(), 0);
    names.forEach(keys::add);
    int[] order = CanonicalKeySort.sort(keys.data, keys.ends, keys.count);
    String[] out = new String[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = names.get(order[i]);
    }
    return Arrays.asList(out);
  }

  /** The packed keys (for tests). */
  byte[] data() {
    return data;
  }

  /** End offset of each key in {@link #data()} (for tests). */
  int[] ends() {
    return ends;
  }

  private void append() {
    int keyLength = scratch.length;
    if (length + keyLength > data.length) {
      long grown = Math.max(length + (long) keyLength, data.length + (data.length >> 1) + 64L);
      if (grown > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("zone too large: over 2 GiB of names");
      }
      data = Arrays.copyOf(data, (int) grown);
    }
    if (count == ends.length) {
      ends = Arrays.copyOf(ends, ends.length + (ends.length >> 1) + 16);
    }
    length = scratch.writeCanonicalKey(data, length);
    ends[count++] = length;
  }
}
