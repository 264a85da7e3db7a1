package org.rpzx.core.name;

import com.google.common.net.InetAddresses;

/**
 * Recognises the IP forms that are rejected as {@code ip-address}: an IPv4 dotted quad (leading
 * zeros tolerated), an IPv6 literal, optionally in brackets and with a zone id, and either of them
 * with a CIDR prefix length ({@code 192.0.2.0/24}, {@code 2001:db8::/32}). Nothing here resolves
 * names.
 */
final class IpLiterals {

  private IpLiterals() {}

  /** True if {@code token} as a whole is one of the IP forms above. */
  static boolean isIpLiteral(String token) {
    String t = token;
    int slash = t.indexOf('/');
    if (slash >= 0) {
      if (!isPrefixLength(t, slash + 1, t.indexOf(':') >= 0 ? 128 : 32)) {
        return false;
      }
      t = t.substring(0, slash);
    }
    if (t.length() >= 2 && t.charAt(0) == '[' && t.charAt(t.length() - 1) == ']') {
      return isIpv6(t.substring(1, t.length() - 1));
    }
    return isIpv4(t) || isIpv6(t);
  }

  /** Four dot-separated decimal octets of 1 to 3 digits, each at most 255. */
  static boolean isIpv4(String s) {
    int parts = 0;
    int value = 0;
    int digits = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || value > 255) {
          return false;
        }
        parts++;
        value = 0;
        digits = 0;
      } else if (c >= '0' && c <= '9' && digits < 3) {
        value = value * 10 + (c - '0');
        digits++;
      } else {
        return false;
      }
    }
    return parts == 4;
  }

  private static boolean isIpv6(String s) {
    if (s.indexOf(':') < 0) {
      return false;
    }
    int zone = s.indexOf('%');
    String addr = zone >= 0 ? s.substring(0, zone) : s;
    if (zone >= 0 && zone == s.length() - 1) {
      return false;
    }
    return InetAddresses.isInetAddress(addr);
  }

  private static boolean isPrefixLength(String s, int from, int max) {
    int len = s.length() - from;
    if (len < 1 || len > 3) {
      return false;
    }
    int v = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      v = v * 10 + (c - '0');
    }
    return v <= max;
  }
}
