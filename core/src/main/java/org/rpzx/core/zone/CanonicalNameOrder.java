package org.rpzx.core.zone;

import java.util.Comparator;

/**
 * Canonical DNS name order (RFC 4034 §6.1) for names written as text without trailing dot, e.g.
 * {@code host.example.org}; {@code ""} is the zone apex and sorts first. Names are compared label
 * by label from the rightmost; labels compare as octet strings with ASCII upper case folded to
 * lower case, and a name that is a proper suffix of another sorts first.
 *
 * <p>Compares in place without splitting or allocating: one backward scan over the common tail
 * finds the first label that differs, which is then compared forwards. Characters above {@code
 * 0xFF} (which no DNS label holds) compare by their code, after all octets.
 */
public final class CanonicalNameOrder implements Comparator<String> {

  /** The one instance. */
  public static final CanonicalNameOrder INSTANCE = new CanonicalNameOrder();

  private CanonicalNameOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = a.length();
    int j = b.length();
    // the common tail (case-folded) has the same label boundaries in both names
    while (i > 0 && j > 0 && lower(a.charAt(i - 1)) == lower(b.charAt(j - 1))) {
      i--;
      j--;
    }
    boolean restA = i > 0;
    boolean restB = j > 0;
    if (!restA || !restB) {
      if (!restA && !restB) {
        return 0;
      }
      // one name is the tail of the other: a proper suffix if the tail starts at a label
      if (!restA) {
        return i == 0 && a.length() > 0 && b.charAt(j - 1) != '.' ? compareLabels(a, i, b, j) : -1;
      }
      return j == 0 && b.length() > 0 && a.charAt(i - 1) != '.' ? compareLabels(a, i, b, j) : 1;
    }
    return compareLabels(a, i, b, j);
  }

  /**
   * Compares the labels holding positions {@code i - 1} of {@code a} and {@code j - 1} of {@code b}
   * (or, for a name used up, its first label), which end at the same distance from the ends.
   */
  private static int compareLabels(String a, int i, String b, int j) {
    int endA = labelEnd(a, i);
    int endB = labelEnd(b, j);
    int startA = i == 0 ? 0 : a.lastIndexOf('.', i - 1) + 1;
    int startB = j == 0 ? 0 : b.lastIndexOf('.', j - 1) + 1;
    int lenA = endA - startA;
    int lenB = endB - startB;
    int n = Math.min(lenA, lenB);
    for (int k = 0; k < n; k++) {
      int ca = lower(a.charAt(startA + k));
      int cb = lower(b.charAt(startB + k));
      if (ca != cb) {
        return ca - cb;
      }
    }
    return lenA - lenB;
  }

  private static int labelEnd(String s, int from) {
    int dot = s.indexOf('.', from);
    return dot < 0 ? s.length() : dot;
  }

  static int lower(int c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }
}
