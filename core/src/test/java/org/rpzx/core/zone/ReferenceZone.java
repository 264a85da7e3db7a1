package org.rpzx.core.zone;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deliberately naive model of a zone's names, straight from RFC 1034 §4.3.2 and RFC 4592: owner
 * names are every active N and *.N; a name exists if it is an owner or an ancestor of one.
 */
final class ReferenceZone {

  final TreeSet<String> active = new TreeSet<>(CanonicalNameOrder.INSTANCE);
  private final Set<String> existing = new HashSet<>();

  ReferenceZone(Iterable<String> names) {
    names.forEach(active::add);
    existing.add("");
    for (String n : active) {
      existing.add("*." + n);
      String s = n;
      while (true) {
        existing.add(s);
        int dot = s.indexOf('.');
        if (dot < 0) {
          break;
        }
        s = s.substring(dot + 1);
      }
    }
  }

  NameMatch match(String query) {
    String q = query.toLowerCase(java.util.Locale.ROOT);
    if (q.isEmpty()) {
      return NameMatch.APEX;
    }
    if (active.contains(q)) {
      return NameMatch.NAME;
    }
    if (q.startsWith("*.") && active.contains(q.substring(2))) {
      return NameMatch.WILDCARD_OWNER;
    }
    if (existing.contains(q)) {
      return NameMatch.EMPTY_NON_TERMINAL;
    }
    // closest encloser: the longest existing ancestor; the source of synthesis is *.<encloser>
    String encloser = parent(q);
    while (!existing.contains(encloser)) {
      encloser = parent(encloser);
    }
    String source = encloser.isEmpty() ? "*" : "*." + encloser;
    return existing.contains(source) ? NameMatch.WILDCARD_MATCH : NameMatch.NX_DOMAIN;
  }

  static String parent(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }

  /** Labels of a name from the rightmost, for reference comparisons. */
  static List<String> labelsFromRight(String name) {
    List<String> labels = Arrays.asList(name.split("\\.", -1));
    java.util.Collections.reverse(labels);
    return labels;
  }
}
