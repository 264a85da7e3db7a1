package org.rpzx.core.name;

import java.util.Set;

/** The fixed lists the validation table is written against. */
final class TestFixtures {

  static final NameList TOP_SITES =
      NameList.of(
          "google.com",
          "docs.example-top.org",
          "blogspot.com",
          "github.io",
          "wikipedia.org",
          "www.top-www.net");

  static final NameList ALLOWLIST =
      NameList.of("example-uni.edu", "mail.partner.example", "intranet.corp");

  static final Set<String> SUPPRESSED = Set.of("suppressed.example", "fp.bad.example");

  static final EntryValidator VALIDATOR =
      new EntryValidator(ValidationPolicy.defaults(), TOP_SITES, ALLOWLIST, SUPPRESSED::contains);

  private TestFixtures() {}

  /**
   * Undoes the table's escapes: {@code \t \r \n \\ \s} (space), {@code \}{@code uXXXX}, and {@code
   * {N*c}} for N copies of the character c.
   */
  static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') {
        int star = s.indexOf('*', i);
        int close = s.indexOf('}', i);
        if (star > i && close == star + 2) {
          int n = Integer.parseInt(s.substring(i + 1, star));
          out.append(String.valueOf(s.charAt(star + 1)).repeat(n));
          i = close;
          continue;
        }
      }
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'n' -> out.append('\n');
        case 's' -> out.append(' ');
        case '\\' -> out.append('\\');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException("bad escape \\" + e + " in " + s);
      }
    }
    return out.toString();
  }
}
