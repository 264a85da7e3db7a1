package org.rpzx.core.zone;

import java.util.Comparator;

/**
 * Canonical DNS name order (RFC 4034 §6.1) for names written as text without trailing dot, e.g.
 * {@code host.example.org}; {@code ""} is the zone apex and sorts first. Names are compared label
 * by label from the rightmost; labels compare as octet strings with ASCII upper case folded to
 * lower case, and a name that is a proper suffix of another sorts first.
 *
 * <p>Compares in place, without splitting or allocating. Characters above {@code 0xFF} (which no
 * DNS label holds) compare by their code, after all octets.
 */
public final class CanonicalNameOrder implements Comparator<String> {

  /** The one instance. */
  public static final CanonicalNameOrder INSTANCE = new CanonicalNameOrder();

  private CanonicalNameOrder() {}

  @Override
  public int compare(String a, String b) {
    int endA = a.length();
    int endB = b.length();
    boolean moreA = endA > 0;
    boolean moreB = endB > 0;
    while (moreA && moreB) {
      int startA = a.lastIndexOf('.', endA - 1) + 1;
      int startB = b.lastIndexOf('.', endB - 1) + 1;
      int c = compareLabel(a, startA, endA, b, startB, endB);
      if (c != 0) {
        return c;
      }
      moreA = startA > 0;
      moreB = startB > 0;
      endA = startA - 1;
      endB = startB - 1;
    }
    return moreA ? 1 : moreB ? -1 : 0;
  }

  private static int compareLabel(String a, int fromA, int toA, String b, int fromB, int toB) {
    int lenA = toA - fromA;
    int lenB = toB - fromB;
    int n = Math.min(lenA, lenB);
    for (int i = 0; i < n; i++) {
      int ca = lower(a.charAt(fromA + i));
      int cb = lower(b.charAt(fromB + i));
      if (ca != cb) {
        return ca - cb;
      }
    }
    return lenA - lenB;
  }

  static int lower(int c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }
}
