package org.rpzx.dns.wire;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * RFC 4034 §6.1 canonical order of relative lower-case names: compare labels from the right, each
 * as unsigned octets, a label that is a prefix of another sorting first, an ancestor before its
 * descendants.
 */
public final class CanonicalNameOrder implements Comparator<String> {

  public static final CanonicalNameOrder INSTANCE = new CanonicalNameOrder();

  private CanonicalNameOrder() {}

  @Override
  public int compare(String a, String b) {
    String[] la = a.isEmpty() ? new String[0] : a.split("\\.", -1);
    String[] lb = b.isEmpty() ? new String[0] : b.split("\\.", -1);
    int i = la.length - 1;
    int j = lb.length - 1;
    while (i >= 0 && j >= 0) {
      int c = compareLabel(la[i--], lb[j--]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(la.length, lb.length);
  }

  private static int compareLabel(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.ISO_8859_1);
    byte[] y = b.getBytes(StandardCharsets.ISO_8859_1);
    int n = Math.min(x.length, y.length);
    for (int k = 0; k < n; k++) {
      int c = Integer.compare(x[k] & 0xff, y[k] & 0xff);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
