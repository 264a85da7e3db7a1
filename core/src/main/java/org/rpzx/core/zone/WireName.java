package org.rpzx.core.zone;

import java.nio.charset.StandardCharsets;

/**
 * A reusable, mutable name relative to the origin in DNS wire form (length-prefixed labels,
 * leftmost first, no root label), kept right-aligned in its buffer so that labels can be prepended
 * while walking a trie downwards. Labels are indexed from the rightmost (0 = the TLD). Used to
 * stream names through the trie builder without allocating per name. Not thread-safe.
 */
final class WireName {

  /**
   * Longest relative name in wire form: with {@code "*."} in front and the root label behind, a
   * wildcard owner still fits the 255-octet limit of RFC 1035 §3.1.
   */
  static final int MAX_WIRE = 252;

  /** Most labels a name of {@link #MAX_WIRE} octets can have. */
  static final int MAX_LABELS = MAX_WIRE / 2;

  /** The name occupies {@code bytes[END - length, END)}. */
  static final int END = MAX_WIRE;

  final byte[] bytes = new byte[END];

  /** Offset in {@link #bytes} of the length octet of each label, from the rightmost. */
  final int[] fromRight = new int[MAX_LABELS];

  int length;
  int labelCount;

  /**
   * Loads an active name given as text, checking that the trie can hold it: labels of 1 to 63
   * printable ASCII octets other than {@code .} and upper case, no label that is just {@code *}
   * (wildcard owners are implied, never stored), at most {@link #MAX_WIRE} octets in wire form.
   *
   * @throws IllegalArgumentException naming the offending name
   */
  void setFromString(String name) {
    int n = name.length();
    if (n == 0) {
      throw new IllegalArgumentException("empty name");
    }
    if (n + 1 > MAX_WIRE) {
      throw new IllegalArgumentException("name too long (" + n + " characters): " + name);
    }
    int base = END - (n + 1); // wire offset of text index i is base + i + 1
    int labels = 0;
    int labelEnd = n;
    for (int i = n - 1; i >= -1; i--) {
      int c = i >= 0 ? name.charAt(i) : '.';
      if (c == '.') {
        int len = labelEnd - i - 1;
        if (len == 0) {
          throw new IllegalArgumentException("empty label in name: " + name);
        }
        if (len > 63) {
          throw new IllegalArgumentException("label longer than 63 octets in name: " + name);
        }
        if (len == 1 && bytes[base + i + 2] == '*') {
          throw new IllegalArgumentException("wildcard label in active name: " + name);
        }
        bytes[base + i + 1] = (byte) len;
        fromRight[labels++] = base + i + 1;
        labelEnd = i;
      } else if (c < 0x21 || c > 0x7e || (c >= 'A' && c <= 'Z')) {
        throw new IllegalArgumentException(
            "invalid character 0x" + Integer.toHexString(c) + " in name: " + name);
      } else {
        bytes[base + i + 1] = (byte) c;
      }
    }
    length = n + 1;
    labelCount = labels;
  }

  /**
   * {@link #setFromString} for a name given as ASCII octets {@code src[from, to)}, with the same
   * checks and messages; upper case is rejected likewise.
   *
   * @throws IllegalArgumentException naming the offending name
   */
  void setFromAscii(byte[] src, int from, int to) {
    int n = to - from;
    if (n <= 0) {
      throw new IllegalArgumentException("empty name");
    }
    if (n + 1 > MAX_WIRE) {
      throw new IllegalArgumentException(
          "name too long (" + n + " characters): " + ascii(src, from, to));
    }
    int base = END - (n + 1) - from; // wire offset of source index i is base + i + 1
    int labels = 0;
    int labelEnd = to;
    for (int i = to - 1; i >= from - 1; i--) {
      int c = i >= from ? src[i] & 0xFF : '.';
      if (c == '.') {
        int len = labelEnd - i - 1;
        if (len == 0 || len > 63 || (len == 1 && src[i + 1] == '*')) {
          throw new IllegalArgumentException(
              (len == 0
                      ? "empty label in name: "
                      : len > 63
                          ? "label longer than 63 octets in name: "
                          : "wildcard label in active name: ")
                  + ascii(src, from, to));
        }
        bytes[base + i + 1] = (byte) len;
        fromRight[labels++] = base + i + 1;
        labelEnd = i;
      } else if (c < 0x21 || c > 0x7e || (c >= 'A' && c <= 'Z')) {
        throw new IllegalArgumentException(
            "invalid character 0x" + Integer.toHexString(c) + " in name: " + ascii(src, from, to));
      } else {
        bytes[base + i + 1] = (byte) c;
      }
    }
    length = n + 1;
    labelCount = labels;
  }

  private static String ascii(byte[] src, int from, int to) {
    return new String(src, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes the name's canonical sort key into {@code dst} at {@code at}; returns the offset after
   * it. The key's unsigned lexicographic order is canonical order: labels from the rightmost, each
   * followed by a zero octet (which sorts below every label octet, so a label sorts before any
   * longer label it is a prefix of). As long as the wire form.
   */
  int writeCanonicalKey(byte[] dst, int at) {
    int out = at;
    for (int k = 0; k < labelCount; k++) {
      int off = fromRight[k];
      int len = bytes[off];
      System.arraycopy(bytes, off + 1, dst, out, len);
      out += len;
      dst[out++] = 0;
    }
    return out;
  }

  /** Loads a name from a canonical key held in {@code key[from, to)}. */
  void setFromCanonicalKey(byte[] key, int from, int to) {
    int pos = END;
    int labels = 0;
    int start = from;
    for (int i = from; i < to; i++) {
      if (key[i] == 0) {
        int len = i - start;
        pos -= len + 1;
        bytes[pos] = (byte) len;
        System.arraycopy(key, start, bytes, pos + 1, len);
        fromRight[labels++] = pos;
        start = i + 1;
      }
    }
    length = END - pos;
    labelCount = labels;
  }

  void copyFrom(WireName other) {
    int from = END - other.length;
    System.arraycopy(other.bytes, from, bytes, from, other.length);
    System.arraycopy(other.fromRight, 0, fromRight, 0, other.labelCount);
    length = other.length;
    labelCount = other.labelCount;
  }

  /** Offset of the length octet of label {@code k}, counted from the rightmost (0 = TLD). */
  int labelFromRight(int k) {
    return fromRight[k];
  }

  /** How many rightmost labels this name shares with {@code other}. */
  int sharedSuffixLabels(WireName other) {
    int max = Math.min(labelCount, other.labelCount);
    int k = 0;
    while (k < max && compareLabel(k, other, k) == 0) {
      k++;
    }
    return k;
  }

  /** Label {@code k} of this name against label {@code j} of {@code other}, as octet strings. */
  int compareLabel(int k, WireName other, int j) {
    byte[] a = bytes;
    byte[] b = other.bytes;
    int offA = fromRight[k];
    int offB = other.fromRight[j];
    int lenA = a[offA];
    int lenB = b[offB];
    int n = Math.min(lenA, lenB);
    for (int i = 1; i <= n; i++) {
      int x = a[offA + i] & 0xFF;
      int y = b[offB + i] & 0xFF;
      if (x != y) {
        return x - y;
      }
    }
    return lenA - lenB;
  }

  /** Canonical order (RFC 4034 §6.1), consistent with {@link CanonicalNameOrder}. */
  int compareTo(WireName other) {
    int k = sharedSuffixLabels(other);
    if (k < labelCount && k < other.labelCount) {
      return compareLabel(k, other, k);
    }
    return Integer.compare(labelCount, other.labelCount);
  }

  /** Copies the wire form to {@code dst[0, length)}. */
  void copyWireTo(byte[] dst) {
    System.arraycopy(bytes, END - length, dst, 0, length);
  }

  /** The name as text (allocates). */
  String toName() {
    if (length == 0) {
      return "";
    }
    byte[] text = new byte[length - 1];
    int out = 0;
    for (int k = labelCount - 1; k >= 0; k--) {
      int off = fromRight[k];
      int len = bytes[off];
      System.arraycopy(bytes, off + 1, text, out, len);
      out += len;
      if (k > 0) {
        text[out++] = '.';
      }
    }
    return new String(text, 0, out, StandardCharsets.ISO_8859_1);
  }
}
