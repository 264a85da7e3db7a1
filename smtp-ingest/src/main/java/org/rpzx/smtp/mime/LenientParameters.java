package org.rpzx.smtp.mime;

import java.util.Locale;

/**
 * Fallback parameter lookup for header values that Jakarta Mail's strict parser refuses, such as
 * {@code filename=my domains.txt} (unquoted space) or {@code filename=C:\dir\domains.txt}. Splits
 * on semicolons outside double quotes and unquotes the value; no RFC 2231 decoding.
 */
final class LenientParameters {
  private LenientParameters() {}

  /** The value of parameter {@code name} in a {@code value; p1=v1; p2="v2"} header, or null. */
  static String get(String headerValue, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    int start = headerValue.indexOf(';');
    if (start < 0) {
      return null;
    }
    boolean quoted = false;
    int from = start + 1;
    for (int i = from; i <= headerValue.length(); i++) {
      boolean atEnd = i == headerValue.length();
      char c = atEnd ? ';' : headerValue.charAt(i);
      if (c == '\\' && quoted && i + 1 < headerValue.length()) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && (!quoted || atEnd)) {
        String param = headerValue.substring(from, i);
        int eq = param.indexOf('=');
        if (eq > 0 && param.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
          return unquote(param.substring(eq + 1).strip());
        }
        from = i + 1;
      }
    }
    return null;
  }

  private static String unquote(String v) {
    if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
      return v;
    }
    StringBuilder out = new StringBuilder(v.length());
    for (int i = 1; i < v.length() - 1; i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < v.length() - 1) {
        c = v.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
