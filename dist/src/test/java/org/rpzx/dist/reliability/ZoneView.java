package org.rpzx.dist.reliability;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What a consumer holds: the zone's serial and the owner names of its policy records (each entry
 * {@code N} gives {@code N.<origin>} and {@code *.N.<origin>}, both {@code CNAME .}).
 */
record ZoneView(long serial, Set<String> owners) {

  ZoneView {
    owners = Set.copyOf(owners);
  }

  /** The owners a zone with these entry names must have. */
  static Set<String> ownersOf(Collection<String> names, String origin) {
    Set<String> out = new HashSet<>(names.size() * 2);
    for (String n : names) {
      out.add(n + "." + origin);
      out.add("*." + n + "." + origin);
    }
    return out;
  }

  /** The entry names behind the owners (the non-wildcard owners without the origin). */
  Set<String> names(String origin) {
    String suffix = "." + origin;
    Set<String> out = new HashSet<>();
    for (String o : owners) {
      if (!o.startsWith("*.") && o.endsWith(suffix)) {
        out.add(o.substring(0, o.length() - suffix.length()));
      }
    }
    return out;
  }

  /** RFC 1982: whether {@code a} is newer than {@code b} (32-bit serial arithmetic). */
  static boolean newer(long a, long b) {
    long d = (a - b) & 0xFFFF_FFFFL;
    return d != 0 && d < 0x8000_0000L;
  }

  /** RFC 1982: {@code a} is {@code b} or newer. */
  static boolean atLeast(long a, long b) {
    return a == b || newer(a, b);
  }
}
