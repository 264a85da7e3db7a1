package org.rpzx.dist;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the Prometheus text format (0.0.4) as a scraper does: every sample line becomes {@code
 * name{label="value",...}} with its labels sorted by name, mapped to its value. Comments (HELP,
 * TYPE) are skipped.
 */
final class PrometheusText {

  private PrometheusText() {}

  static Map<String, Double> parse(String text) {
    Map<String, Double> samples = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int end = brace < 0 ? line.indexOf(' ') : line.indexOf("} ", brace) + 1;
      String name = line.substring(0, brace < 0 ? end : brace);
      Map<String, String> labels =
          brace < 0 ? Map.of() : labels(line.substring(brace + 1, end - 1));
      String[] rest = line.substring(end).strip().split(" ");
      samples.put(key(name, labels), Double.parseDouble(rest[0]));
    }
    return samples;
  }

  /** The key of a sample, e.g. {@code key("rpzx_x_total", "a", "1", "b", "2")}. */
  static String key(String name, String... labelPairs) {
    Map<String, String> labels = new TreeMap<>();
    for (int i = 0; i < labelPairs.length; i += 2) {
      labels.put(labelPairs[i], labelPairs[i + 1]);
    }
    return key(name, labels);
  }

  private static String key(String name, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return name;
    }
    StringBuilder b = new StringBuilder(name).append('{');
    new TreeMap<>(labels).forEach((k, v) -> b.append(k).append("=\"").append(v).append("\","));
    b.setLength(b.length() - 1);
    return b.append('}').toString();
  }

  /** {@code a="x",b="y \"q\""} with the format's escapes ({@code \\ \" \n}). */
  private static Map<String, String> labels(String text) {
    Map<String, String> labels = new TreeMap<>();
    int i = 0;
    while (i < text.length()) {
      int eq = text.indexOf('=', i);
      String name = text.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      int j = eq + 2; // after ="
      while (text.charAt(j) != '"') {
        char c = text.charAt(j);
        if (c == '\\') {
          char next = text.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
        j++;
      }
      labels.put(name, value.toString());
      i = j + 1;
      if (i < text.length() && text.charAt(i) == ',') {
        i++;
      }
    }
    return labels;
  }
}
