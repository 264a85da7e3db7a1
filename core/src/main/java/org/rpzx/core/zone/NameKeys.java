package org.rpzx.core.zone;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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
   * <p>A large list comes back as new, equal strings, made from the keys in canonical order: the
   * strings lie in memory in the order the later passes (reduction, trie build, encoding) read
   * them. Each pass over the original strings in sorted order would miss the cache on every name,
   * about five times slower at a million names.
   *
   * @throws IllegalArgumentException if a name is invalid (see {@link LabelTrie#of})
   */
  public static CanonicalList sortedCanonically(List<String> names) {
    NameKeys keys = keysOf(names);
    int[] order = CanonicalKeySort.sort(keys.data, keys.ends, keys.count);
    String[] out = new String[order.length];
    if (order.length < 2 * SLICE) {
      for (int i = 0; i < order.length; i++) {
        out[i] = names.get(order[i]);
      }
    } else {
      int slices = (order.length + SLICE - 1) / SLICE;
      IntStream.range(0, slices)
          .parallel()
          .forEach(
              s -> keys.writeNames(order, s * SLICE, Math.min(order.length, (s + 1) * SLICE), out));
    }
    return CanonicalList.trusted(Arrays.asList(out));
  }

  /** Names per batch in {@link #writeNames}. */
  private static final int BATCH = 64;

  /**
   * The names of keys {@code order[from, to)} as text, into {@code out[from, to)}. Each key lies
   * somewhere else in memory: a batch's key bounds are looked up first, in a loop with nothing else
   * in it, so that the processor waits for many cache misses at once instead of one per name.
   */
  private void writeNames(int[] order, int from, int to, String[] out) {
    byte[] text = new byte[WireName.MAX_WIRE];
    int[] starts = new int[BATCH];
    int[] stops = new int[BATCH];
    for (int b = from; b < to; b += BATCH) {
      int n = Math.min(BATCH, to - b);
      int touched = 0;
      for (int i = 0; i < n; i++) {
        int k = order[b + i];
        starts[i] = k == 0 ? 0 : ends[k - 1];
        stops[i] = ends[k];
      }
      for (int i = 0; i < n; i++) {
        touched += data[starts[i]]; // the key's first line, while the others are on their way
      }
      for (int i = 0; i < n; i++) {
        out[b + i] = nameOf(starts[i], stops[i], text);
      }
      if (touched == Integer.MIN_VALUE) {
        throw new AssertionError(); // keeps the touching loop from being removed
      }
    }
  }

  /** The name of the key {@code data[start, end)}, made in {@code text}. */
  private String nameOf(int start, int end, byte[] text) {
    // the key holds the labels from the rightmost, each ended by a zero octet
    int at = end - start - 1; // text length: the last zero is not a dot
    int pos = at;
    int labelStart = start;
    for (int j = start; j < end; j++) {
      if (data[j] == 0) {
        int len = j - labelStart;
        pos -= len;
        System.arraycopy(data, labelStart, text, pos, len);
        if (pos > 0) {
          text[--pos] = '.';
        }
        labelStart = j + 1;
      }
    }
    return new String(text, 0, at, StandardCharsets.ISO_8859_1);
  }

  /** Keys built per slice on all cores for a large list (a million take ~0.3 s on one). */
  private static NameKeys keysOf(List<String> names) {
    if (names.size() < 2 * SLICE) {
      return keysOfSlice(names);
    }
    int slices = (names.size() + SLICE - 1) / SLICE;
    List<NameKeys> parts =
        IntStream.range(0, slices)
            .parallel()
            .mapToObj(
                i -> keysOfSlice(names.subList(i * SLICE, Math.min(names.size(), (i + 1) * SLICE))))
            .toList();
    long octets = 0;
    for (NameKeys part : parts) {
      octets += part.length;
    }
    NameKeys all = new NameKeys(names.size(), octets);
    for (NameKeys part : parts) {
      System.arraycopy(part.data, 0, all.data, all.length, part.length);
      for (int i = 0; i < part.count; i++) {
        all.ends[all.count++] = all.length + part.ends[i];
      }
      all.length += part.length;
    }
    return all;
  }

  private static NameKeys keysOfSlice(List<String> names) {
    long octets = 0;
    for (String name : names) {
      octets += name.length() + 1; // the key of a valid name is as long as its text plus one
    }
    NameKeys keys = new NameKeys(names.size(), octets);
    names.forEach(keys::add);
    return keys;
  }

  /** Names per slice when keys are built on several cores. */
  private static final int SLICE = 1 << 16;

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
