package org.rpzx.core.name;

import java.util.Locale;
import java.util.Objects;

/**
 * Owner names of the zone (SPEC §5): every active name {@code N} gives {@code N.<origin>} and
 * {@code *.N.<origin>}. Lengths are DNS wire-format octets of names in plain text form (ASCII, no
 * escapes), the form every accepted name and origin has.
 */
public final class OwnerNames {

  /** RFC 1035 §2.3.4: a name is at most 255 octets in wire form. */
  public static final int MAX_WIRE_LENGTH = 255;

  /** RFC 1035 §2.3.4: a label is at most 63 octets. */
  public static final int MAX_LABEL_LENGTH = 63;

  private OwnerNames() {}

  /**
   * Wire length of a text name, absolute ({@code a.b.}) or relative ({@code a.b}, taken as
   * absolute): one length octet per label, the label octets and the root octet. The root ({@code
   * ""} or {@code "."}) is 1.
   */
  public static int wireLength(String name) {
    int len = name.length();
    if (len == 0 || name.equals(".")) {
      return 1;
    }
    return name.charAt(len - 1) == '.' ? len + 1 : len + 2;
  }

  /** Wire length of {@code *.name.origin}; {@code name} without trailing dot. */
  public static int wildcardOwnerWireLength(String name, String origin) {
    // "*" label (2 octets) + the labels of name (its length + 1) + origin (root octet included)
    return 2 + name.length() + 1 + wireLength(origin);
  }

  /** True if {@code *.name.origin} (and so {@code name.origin}) fits in 255 octets. */
  public static boolean fitsZone(String name, String origin) {
    return wildcardOwnerWireLength(name, origin) <= MAX_WIRE_LENGTH;
  }

  /** {@code name.origin.}, absolute, e.g. {@code evil.example.community.rpz.}. */
  public static String ownerName(String name, String origin) {
    Objects.requireNonNull(name);
    String o = absolute(origin);
    return o.equals(".") ? name + "." : name + "." + o;
  }

  /** {@code *.name.origin.}, absolute. */
  public static String wildcardOwnerName(String name, String origin) {
    return "*." + ownerName(name, origin);
  }

  /** Strict form of {@link #isValidOwnerName(String, boolean)}: no underscores. */
  public static boolean isValidOwnerName(String ownerName) {
    return isValidOwnerName(ownerName, false);
  }

  /**
   * True if {@code ownerName} (absolute or relative text form) is a name this zone may hold: ASCII
   * only, labels of 1 to 63 letters, digits and hyphens (and underscores if allowed) that neither
   * start nor end with a hyphen, a leftmost label that may instead be exactly {@code *}, and at
   * most 255 octets in wire form.
   */
  public static boolean isValidOwnerName(String ownerName, boolean allowUnderscore) {
    if (ownerName == null) {
      return false;
    }
    String n = ownerName;
    if (n.equals(".") || n.isEmpty()) {
      return true;
    }
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    if (wireLength(n) > MAX_WIRE_LENGTH) {
      return false;
    }
    int start = 0;
    for (int i = 0; i <= n.length(); i++) {
      if (i < n.length() && n.charAt(i) != '.') {
        continue;
      }
      if (!isValidLabel(n, start, i, start == 0, allowUnderscore)) {
        return false;
      }
      start = i + 1;
    }
    return true;
  }

  private static boolean isValidLabel(
      String n, int start, int end, boolean leftmost, boolean allowUnderscore) {
    int len = end - start;
    if (len < 1 || len > MAX_LABEL_LENGTH) {
      return false;
    }
    if (leftmost && len == 1 && n.charAt(start) == '*') {
      return true;
    }
    if (n.charAt(start) == '-' || n.charAt(end - 1) == '-') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = n.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || (allowUnderscore && c == '_');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The origin in absolute lower-case form, e.g. {@code community.rpz.}. */
  static String absolute(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    if (o.isEmpty()) {
      throw new IllegalArgumentException("empty zone origin");
    }
    return o.endsWith(".") ? o : o + ".";
  }
}
