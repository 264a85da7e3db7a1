package org.rpzx.core.zone;

import java.util.ArrayList;
import java.util.List;

/** Set operations on lists of names sorted canonically without duplicates, in one linear merge. */
final class SortedNames {

  private SortedNames() {}

  /** The names of {@code a} that are not in {@code b}. */
  static List<String> minus(List<String> a, List<String> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<String> out = new ArrayList<>(a.size());
    int j = 0;
    for (String name : a) {
      int c = 1;
      while (j < b.size() && (c = CanonicalNameOrder.INSTANCE.compare(b.get(j), name)) < 0) {
        j++;
      }
      if (j >= b.size() || c != 0) {
        out.add(name);
      }
    }
    return CanonicalList.trusted(out);
  }

  /** The names in {@code a} or {@code b}. */
  static List<String> union(List<String> a, List<String> b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    List<String> out = new ArrayList<>(a.size() + b.size());
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      int c =
          i == a.size()
              ? 1
              : j == b.size() ? -1 : CanonicalNameOrder.INSTANCE.compare(a.get(i), b.get(j));
      if (c <= 0) {
        out.add(a.get(i++));
        if (c == 0) {
          j++;
        }
      } else {
        out.add(b.get(j++));
      }
    }
    return CanonicalList.trusted(out);
  }
}
