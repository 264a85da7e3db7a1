package org.rpzx.dist;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Looks for distinctive strings (an institution's name, a sender address, its domain) in what a
 * channel gave away, case-insensitively, and collects every finding so a test reports all leaks at
 * once. What the asker put into the request itself (a path parameter echoed in "no such X") is not
 * a leak and is removed first.
 */
final class LeakScanner {

  private final List<String> needles;
  private final List<String> findings = new ArrayList<>();
  private int scanned;

  LeakScanner(List<String> needles) {
    this.needles = needles.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
  }

  /** Scans {@code text} that {@code channel} gave; {@code asked} are the values sent with it. */
  void scan(String channel, String text, Collection<String> asked) {
    scanned++;
    String t = text.toLowerCase(Locale.ROOT);
    for (String a : asked) {
      for (String form : forms(a)) {
        t = t.replace(form, "\u2423"); // the echo of the request, not knowledge
      }
    }
    for (String needle : needles) {
      int at = t.indexOf(needle);
      if (at >= 0) {
        int from = Math.max(0, at - 80);
        int to = Math.min(t.length(), at + needle.length() + 80);
        findings.add(channel + " reveals '" + needle + "': …" + t.substring(from, to) + "…");
      }
    }
  }

  void scan(String channel, String text) {
    scan(channel, text, List.of());
  }

  /** The value as sent: plain, percent-encoded (form and path style), lower-cased. */
  private static List<String> forms(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    String form = URLEncoder.encode(value, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return List.of(v, form, form.replace("+", "%20"));
  }

  List<String> findings() {
    return List.copyOf(findings);
  }

  int scanned() {
    return scanned;
  }
}
