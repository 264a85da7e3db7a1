package org.rpzx.core.store;

/**
 * Strings as a JSON array (RFC 8259), the one parameter of a set-based statement over SQLite's
 * {@code json_each}. Names are ASCII letters, digits, hyphens, underscores and dots, which need no
 * escaping; anything else is escaped anyway, so any string round-trips.
 */
final class JsonStrings {

  private JsonStrings() {}

  /** {@code values[from..to)} as a JSON array of strings. */
  static String array(String[] values, int from, int to) {
    int size = 2;
    for (int i = from; i < to; i++) {
      size += values[i].length() + 3;
    }
    StringBuilder sb = new StringBuilder(size);
    sb.append('[');
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append(',');
      }
      appendString(sb, values[i]);
    }
    return sb.append(']').toString();
  }

  private static void appendString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20) {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch); // JSON text is Unicode: the rest, surrogate pairs included, goes as is
      }
    }
    sb.append('"');
  }
}
