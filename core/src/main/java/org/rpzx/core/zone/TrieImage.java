package org.rpzx.core.zone;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * A {@link LabelTrie} as bytes: its arrays as they are, so that a start-up reads them back instead
 * of reading, sorting and building a million names again (ADR 0011). The image is a cache of what
 * the store says; whoever loads it checks it against the store's serial and name count, and {@link
 * #decode} refuses any image that is not exactly what {@link #encode} wrote (format, lengths, the
 * trie's own invariants, a CRC-32C over everything).
 *
 * <p>Layout, big-endian: magic {@code RPZXTRIE}, format version, name count, longest wire name,
 * then each array as its length and its elements (pool, label samples, terminal bits, has-children
 * bits, child starts, level starts), then the CRC-32C of all bytes before it.
 */
public final class TrieImage {

  private static final long MAGIC = 0x52505A58_54524945L; // "RPZXTRIE"
  private static final int FORMAT = 1;
  private static final int HEADER = 8 + 4 + 4 + 4;

  private TrieImage() {}

  /** The image of {@code trie}. */
  public static byte[] encode(LabelTrie trie) {
    long size =
        HEADER
            + 6 * 4L
            + trie.pool.length
            + 4L * trie.labelSample.length
            + 8L * trie.terminal.length
            + 8L * trie.hasChildren.length
            + 4L * trie.childStart.length
            + 4L * trie.levelStart().length
            + 4;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("zone too large for an image: " + size + " bytes");
    }
    ByteBuffer b = ByteBuffer.allocate((int) size);
    b.putLong(MAGIC).putInt(FORMAT).putInt(trie.nameCount()).putInt(trie.maxWireLength());
    b.putInt(trie.pool.length).put(trie.pool);
    putInts(b, trie.labelSample);
    putLongs(b, trie.terminal);
    putLongs(b, trie.hasChildren);
    putInts(b, trie.childStart);
    putInts(b, trie.levelStart());
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /**
   * The trie {@code image} holds.
   *
   * @throws CorruptTrieImageException if {@code image} is not an image {@link #encode} wrote
   */
  public static LabelTrie decode(byte[] image) {
    if (image.length < HEADER + 4) {
      throw new CorruptTrieImageException("too short: " + image.length + " bytes");
    }
    CRC32C crc = new CRC32C();
    crc.update(image, 0, image.length - 4);
    ByteBuffer b = ByteBuffer.wrap(image);
    if ((int) crc.getValue() != b.getInt(image.length - 4)) {
      throw new CorruptTrieImageException("checksum mismatch");
    }
    if (b.getLong() != MAGIC) {
      throw new CorruptTrieImageException("not a trie image");
    }
    int format = b.getInt();
    if (format != FORMAT) {
      throw new CorruptTrieImageException("format " + format + ", this version reads " + FORMAT);
    }
    b.limit(image.length - 4);
    try {
      int names = b.getInt();
      int maxWire = b.getInt();
      byte[] pool = new byte[length(b, 1)];
      b.get(pool);
      int[] labelSample = getInts(b);
      long[] terminal = getLongs(b);
      long[] hasChildren = getLongs(b);
      int[] childStart = getInts(b);
      int[] levelStart = getInts(b);
      if (b.hasRemaining()) {
        throw new CorruptTrieImageException(b.remaining() + " bytes after the arrays");
      }
      check(names, maxWire, pool, labelSample, terminal, hasChildren, childStart, levelStart);
      return new LabelTrie(
          pool, labelSample, terminal, hasChildren, childStart, levelStart, names, maxWire);
    } catch (BufferUnderflowException e) {
      throw new CorruptTrieImageException("truncated", e);
    }
  }

  /** The invariants every trie {@link LabelTrieBuilder} makes has, so lookups stay in bounds. */
  private static void check(
      int names,
      int maxWire,
      byte[] pool,
      int[] labelSample,
      long[] terminal,
      long[] hasChildren,
      int[] childStart,
      int[] levelStart) {
    if (levelStart.length < 2 || levelStart[0] != 0) {
      throw new CorruptTrieImageException("no levels");
    }
    for (int d = 1; d < levelStart.length; d++) {
      if (levelStart[d] < levelStart[d - 1]) {
        throw new CorruptTrieImageException("levels out of order");
      }
    }
    int nodes = levelStart[levelStart.length - 1];
    int words = (nodes + 63) >>> 6;
    if (terminal.length != words
        || hasChildren.length != words
        || labelSample.length != (nodes + LabelTrie.SAMPLE - 1) / LabelTrie.SAMPLE) {
      throw new CorruptTrieImageException("array lengths do not match " + nodes + " nodes");
    }
    if (bitCount(terminal) != names || names < 0 || maxWire < 0 || maxWire > 255) {
      throw new CorruptTrieImageException(
          "name count "
              + names
              + " or longest name "
              + maxWire
              + " does not match "
              + bitCount(terminal)
              + " terminal nodes");
    }
    if (childStart.length != bitCount(hasChildren) + 1
        || childStart[childStart.length - 1] != nodes) {
      throw new CorruptTrieImageException("child index does not match the nodes");
    }
    for (int i = 0; i < childStart.length; i++) {
      if (childStart[i] < 1
          || childStart[i] > nodes
          || (i > 0 && childStart[i] < childStart[i - 1])) {
        throw new CorruptTrieImageException("child index out of range");
      }
    }
    for (int i = 0; i < labelSample.length; i++) {
      if (labelSample[i] < 0 || labelSample[i] >= pool.length) {
        throw new CorruptTrieImageException("label offset out of range");
      }
    }
  }

  private static int bitCount(long[] words) {
    long n = 0;
    for (long w : words) {
      n += Long.bitCount(w);
    }
    return (int) Math.min(n, Integer.MAX_VALUE);
  }

  private static int length(ByteBuffer b, int elementSize) {
    int n = b.getInt();
    if (n < 0 || (long) n * elementSize > b.remaining()) {
      throw new CorruptTrieImageException("array length " + n + " beyond the image");
    }
    return n;
  }

  private static int[] getInts(ByteBuffer b) {
    int[] a = new int[length(b, 4)];
    b.asIntBuffer().get(a);
    b.position(b.position() + 4 * a.length);
    return a;
  }

  private static long[] getLongs(ByteBuffer b) {
    long[] a = new long[length(b, 8)];
    b.asLongBuffer().get(a);
    b.position(b.position() + 8 * a.length);
    return a;
  }

  private static void putInts(ByteBuffer b, int[] a) {
    b.putInt(a.length).asIntBuffer().put(a);
    b.position(b.position() + 4 * a.length);
  }

  private static void putLongs(ByteBuffer b, long[] a) {
    b.putInt(a.length).asLongBuffer().put(a);
    b.position(b.position() + 8 * a.length);
  }
}
