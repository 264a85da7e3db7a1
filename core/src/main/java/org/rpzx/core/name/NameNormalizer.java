package org.rpzx.core.name;

/**
 * The syntactic half of the entry rules (SPEC §3): turns one line into a normalised name (lower
 * case, A-labels, no trailing dot, wildcard prefix removed) or says why it is not one. It knows
 * nothing of the zone, the Public Suffix List or any list; {@link EntryValidator} adds those.
 * Immutable and thread-safe.
 *
 * <p>Steps, first failure wins:
 *
 * <ol>
 *   <li>Trim surrounding white space: everything {@link Character#isWhitespace} or {@link
 *       Character#isSpaceChar} accepts (so CR remnants, tabs, NBSP and the other Unicode spaces)
 *       and a stray byte-order mark U+FEFF.
 *   <li>Empty, or starting with {@code #}: skipped.
 *   <li>{@code syntax}: white space or a control character left inside the line (e.g. a hosts file
 *       line {@code 0.0.0.0 evil.example}).
 *   <li>{@code ip-address}: the whole line is an IPv4 dotted quad, an IPv6 literal (also in
 *       brackets or with a zone id) or either with a CIDR prefix length, a trailing dot tolerated.
 *   <li>{@code url}: a scheme ({@code ://}), path ({@code /}), port or other {@code :}, userinfo or
 *       e-mail ({@code @}), query ({@code ?}) or fragment ({@code #}).
 *   <li>{@code wildcard}: any {@code *} other than a single leading {@code *.} followed by a name;
 *       the leading {@code *.} is removed.
 *   <li>One trailing dot is removed; {@code .} alone is {@code syntax}.
 *   <li>Non-ASCII lines: UTS #46 to A-labels ({@link IdnaCodec}); label and length errors are
 *       {@code syntax}, every other conversion error {@code idna}. A mapping that yields a
 *       character outside letters, digits and hyphen which the line did not contain, or changes the
 *       number of labels, is {@code idna}. The result continues as an ASCII line.
 *   <li>ASCII lines, {@code syntax}: more than 253 characters, an empty label, a label over 63
 *       octets, a character other than letter, digit, hyphen (and underscore if the policy allows
 *       it), a label starting or ending with a hyphen. Then lower-cased.
 *   <li>An all-numeric last label: {@code ip-address} if the name is an IPv4 dotted quad, else
 *       {@code syntax}.
 *   <li>{@code idna}: an {@code xn--} label that does not round-trip through ICU (invalid Punycode,
 *       not a valid IDNA2008 label, or not in canonical form).
 * </ol>
 *
 * <p>Plain ASCII lines never reach ICU unless they contain an {@code xn--} label.
 */
public final class NameNormalizer {

  /** Longest name, in characters without the trailing dot (RFC 1035: 255 octets in wire form). */
  public static final int MAX_NAME_LENGTH = 253;

  /** Lines with non-ASCII characters longer than this are refused before ICU sees them. */
  private static final int MAX_UNICODE_LINE = 1024;

  private final boolean allowUnderscore;

  public NameNormalizer(boolean allowUnderscore) {
    this.allowUnderscore = allowUnderscore;
  }

  public boolean allowUnderscore() {
    return allowUnderscore;
  }

  /**
   * Normalises one line; never throws for any string.
   *
   * @return {@link LineOutcome.Accepted} with the normalised name, {@link LineOutcome.Rejected}
   *     with {@code syntax}, {@code url}, {@code ip-address}, {@code wildcard} or {@code idna}, or
   *     {@link LineOutcome.Skipped}
   */
  public LineOutcome normalize(String rawLine) {
    String s = trim(rawLine);
    if (s.isEmpty() || s.charAt(0) == '#') {
      return LineOutcome.skipped();
    }
    boolean nonAscii = false;
    boolean special = false;
    int stars = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (isNameChar(c)) {
          continue;
        }
        if (c == '*') {
          stars++;
        } else if (c <= 0x20 || c == 0x7f) {
          return syntax(
              Character.isWhitespace(c)
                  ? "inner white space " + describe(c)
                  : "control character " + describe(c));
        } else {
          special = true;
        }
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return syntax("inner white space " + describe(c));
      } else if (Character.getType(c) == Character.CONTROL) {
        return syntax("control character " + describe(c));
      } else {
        nonAscii = true;
      }
    }
    if (special) {
      if (IpLiterals.isIpLiteral(withoutTrailingDot(s))) {
        return LineOutcome.rejected(RejectReason.IP_ADDRESS, "IP address, not a domain name");
      }
      String url = urlDetail(s);
      if (url != null) {
        return LineOutcome.rejected(RejectReason.URL, url);
      }
    }
    if (stars > 0) {
      if (stars > 1 || s.length() < 3 || s.charAt(0) != '*' || !isDot(s.charAt(1))) {
        return LineOutcome.rejected(RejectReason.WILDCARD, "only a single leading '*.' is allowed");
      }
      s = s.substring(2);
    }
    s = withoutTrailingDot(s);
    if (s.isEmpty()) {
      return syntax("empty name");
    }
    return nonAscii ? normalizeUnicode(s) : normalizeAscii(s);
  }

  private LineOutcome normalizeUnicode(String s) {
    if (s.length() > MAX_UNICODE_LINE) {
      return syntax("name longer than " + MAX_NAME_LENGTH + " characters");
    }
    IdnaCodec.Conversion c = IdnaCodec.toAscii(s);
    if (!c.ok()) {
      return LineOutcome.rejected(c.failure(), c.detail());
    }
    String ascii = c.ascii();
    if (PublicSuffixes.countLabels(ascii) != countUnicodeLabels(s)) {
      return LineOutcome.rejected(RejectReason.IDNA, "mapping changes the labels of the name");
    }
    for (int i = 0; i < ascii.length(); i++) {
      char ch = ascii.charAt(i);
      if (!isNameChar(ch) && s.indexOf(ch) < 0) {
        return LineOutcome.rejected(
            RejectReason.IDNA,
            "mapping yields " + describe(ch) + ", not a letter, digit or hyphen");
      }
    }
    return normalizeAscii(ascii);
  }

  private LineOutcome normalizeAscii(String s) {
    int len = s.length();
    if (len > MAX_NAME_LENGTH) {
      return syntax("name longer than " + MAX_NAME_LENGTH + " characters");
    }
    boolean upper = false;
    boolean ace = false;
    boolean allDigits = true;
    int labelStart = 0;
    for (int i = 0; i <= len; i++) {
      char c = i < len ? s.charAt(i) : '.';
      if (c == '.') {
        int labelLen = i - labelStart;
        if (labelLen == 0) {
          return syntax("empty label");
        }
        if (labelLen > OwnerNames.MAX_LABEL_LENGTH) {
          return syntax("label longer than 63 octets");
        }
        if (s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
          return syntax("label starts or ends with a hyphen");
        }
        if (labelLen >= 4 && s.regionMatches(true, labelStart, "xn--", 0, 4)) {
          ace = true;
        }
        if (i < len) {
          labelStart = i + 1;
          allDigits = true;
        }
      } else if (c >= 'a' && c <= 'z') {
        allDigits = false;
      } else if (c >= '0' && c <= '9') {
        continue;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
        allDigits = false;
      } else if (c == '-' || (c == '_' && allowUnderscore)) {
        allDigits = false;
      } else {
        return syntax("character " + describe(c) + " is not a letter, digit or hyphen");
      }
    }
    String name = upper ? toLowerAscii(s) : s;
    if (allDigits) {
      return IpLiterals.isIpv4(name)
          ? LineOutcome.rejected(RejectReason.IP_ADDRESS, "IP address, not a domain name")
          : syntax("last label is all-numeric");
    }
    if (ace && !IdnaCodec.isCanonicalAsciiName(name)) {
      return LineOutcome.rejected(
          RejectReason.IDNA, "xn-- label is not a valid IDNA2008 A-label in canonical form");
    }
    return LineOutcome.accepted(name);
  }

  private static String urlDetail(String s) {
    if (s.contains("://")) {
      return "URL with a scheme, not a domain name";
    }
    if (s.indexOf('@') >= 0) {
      return "user or e-mail address ('@'), not a domain name";
    }
    if (s.indexOf('/') >= 0) {
      return "URL path ('/'), not a domain name";
    }
    if (s.indexOf('?') >= 0 || s.indexOf('#') >= 0) {
      return "URL query or fragment, not a domain name";
    }
    if (s.indexOf(':') >= 0) {
      return "port or scheme (':'), not a domain name";
    }
    return null;
  }

  /** Trims white space, Unicode spaces and byte-order marks from both ends. */
  static String trim(String raw) {
    int start = 0;
    int end = raw.length();
    while (start < end && isTrimmable(raw.charAt(start))) {
      start++;
    }
    while (end > start && isTrimmable(raw.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == raw.length() ? raw : raw.substring(start, end);
  }

  private static boolean isTrimmable(char c) {
    return c == ' '
        || Character.isWhitespace(c)
        || (c >= 0x80 && (Character.isSpaceChar(c) || c == '\uFEFF'));
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '-'
        || (c >= 'A' && c <= 'Z')
        || c == '_';
  }

  /** The label separators UTS #46 knows: full stop and its ideographic and full-width forms. */
  private static boolean isDot(char c) {
    return c == '.' || c == '\u3002' || c == '\uFF0E' || c == '\uFF61';
  }

  private static String withoutTrailingDot(String s) {
    return !s.isEmpty() && isDot(s.charAt(s.length() - 1)) ? s.substring(0, s.length() - 1) : s;
  }

  private static int countUnicodeLabels(String s) {
    int labels = 1;
    for (int i = 0; i < s.length(); i++) {
      if (isDot(s.charAt(i))) {
        labels++;
      }
    }
    return labels;
  }

  private static String toLowerAscii(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  private static LineOutcome syntax(String detail) {
    return LineOutcome.rejected(RejectReason.SYNTAX, detail);
  }

  /** A character as {@code 'x'} or, if not printable ASCII, as {@code U+XXXX}. */
  static String describe(char c) {
    if (c > 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format("U+%04X", (int) c);
  }
}
