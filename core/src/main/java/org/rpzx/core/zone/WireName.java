package org.rpzx.core.zone;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, mutable name relative to the origin in DNS wire form (length-prefixed labels,
 * leftmost first, no root label), with the offset of every label. Used to stream names into the
 * trie builder without allocating per name. Not thread-safe.
 */
final class WireName {

  /**
   * Longest relative name in wire form: with {@code "*."} in front and the root label behind, a
   * wildcard owner still fits the 255-octet limit of RFC 1035 §3.1.
   */
  static final int MAX_WIRE = 252;

  /** Most labels a name of {@link #MAX_WIRE} octets can have. */
  static final int MAX_LABELS = MAX_WIRE / 2;

  final byte[] bytes = new byte[MAX_WIRE];
  private final int[] starts = new int[MAX_LABELS];
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
    int labels = 0;
    int labelStart = 0;
    for (int i = 0; i <= n; i++) {
      int c = i < n ? name.charAt(i) : '.';
      if (c == '.') {
        int len = i - labelStart;
        if (len == 0) {
          throw new IllegalArgumentException("empty label in name: " + name);
        }
        if (len > 63) {
          throw new IllegalArgumentException("label longer than 63 octets in name: " + name);
        }
        if (len == 1 && name.charAt(labelStart) == '*') {
          throw new IllegalArgumentException("wildcard label in active name: " + name);
        }
        starts[labels++] = labelStart;
        bytes[labelStart] = (byte) len;
        labelStart = i + 1;
      } else if (c < 0x21 || c > 0x7e || (c >= 'A' && c <= 'Z')) {
        throw new IllegalArgumentException(
            "invalid character 0x" + Integer.toHexString(c) + " in name: " + name);
      } else {
        bytes[i + 1] = (byte) c;
      }
    }
    length = n + 1;
    labelCount = labels;
  }

  /** Loads a name already in wire form (from a trie, hence trusted). */
  void setFromWire(byte[] src, int len) {
    System.arraycopy(src, 0, bytes, 0, len);
    length = len;
    int labels = 0;
    for (int off = 0; off < len; off += 1 + (bytes[off] & 0xFF)) {
      starts[labels++] = off;
    }
    labelCount = labels;
  }

  void copyFrom(WireName other) {
    System.arraycopy(other.bytes, 0, bytes, 0, other.length);
    System.arraycopy(other.starts, 0, starts, 0, other.labelCount);
    length = other.length;
    labelCount = other.labelCount;
  }

  void clear() {
    length = 0;
    labelCount = 0;
  }

  /** Offset of the length octet of label {@code k}, counted from the rightmost (0 = TLD). */
  int labelFromRight(int k) {
    return starts[labelCount - 1 - k];
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
    int a = labelFromRight(k);
    int b = other.labelFromRight(j);
    return Arrays.compareUnsigned(
        bytes,
        a + 1,
        a + 1 + (bytes[a] & 0xFF),
        other.bytes,
        b + 1,
        b + 1 + (other.bytes[b] & 0xFF));
  }

  /** Canonical order (RFC 4034 §6.1), consistent with {@link CanonicalNameOrder}. */
  int compareTo(WireName other) {
    int k = sharedSuffixLabels(other);
    if (k < labelCount && k < other.labelCount) {
      return compareLabel(k, other, k);
    }
    return Integer.compare(labelCount, other.labelCount);
  }

  /** The name as text (allocates). */
  String toName() {
    return toName(bytes, length);
  }

  static String toName(byte[] wire, int len) {
    if (len == 0) {
      return "";
    }
    byte[] text = new byte[len - 1];
    int out = 0;
    for (int off = 0; off < len; ) {
      int l = wire[off] & 0xFF;
      if (off > 0) {
        text[out++] = '.';
      }
      System.arraycopy(wire, off + 1, text, out, l);
      out += l;
      off += 1 + l;
    }
    return new String(text, 0, out, StandardCharsets.ISO_8859_1);
  }
}
