package org.rpzx.core.name;

import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Public Suffix List lookups (ICANN and private sections) through Guava's bundled copy of the list
 * (its suffix trie; {@code PublicSuffixesTest} checks every answer against {@code
 * InternetDomainName}, so a Guava upgrade that changes the trie's contract fails there). Names must
 * be normalised (lower-case A-labels, no trailing dot).
 *
 * <p>Decisions: a single-label name is always a public suffix (a TLD, known or not). A name under a
 * TLD the list does not know ({@code evil.corp}) follows the list's default rule {@code *}: the TLD
 * is its public suffix and {@code evil.corp} its registrable domain. Labels with an underscore
 * never occur in the list, so they are never part of a public suffix.
 */
public final class PublicSuffixes {

  private PublicSuffixes() {}

  /**
   * True if {@code name} is a TLD or any public suffix ({@code com}, {@code co.uk}, {@code
   * github.io}).
   */
  public static boolean isPublicSuffix(String name) {
    return registrableStart(name) < 0;
  }

  /**
   * The registrable domain (eTLD+1) of {@code name}, e.g. {@code google.com} for {@code
   * mail.google.com}; empty if {@code name} is itself a public suffix.
   */
  public static Optional<String> registrableDomain(String name) {
    int start = registrableStart(name);
    return start < 0 ? Optional.empty() : Optional.of(name.substring(start));
  }

  /**
   * Index in {@code name} where its registrable domain starts, or -1 if {@code name} is a public
   * suffix.
   */
  static int registrableStart(String name) {
    int labels = countLabels(name);
    int suffixLabels = suffixLabelCount(name);
    if (suffixLabels >= labels) {
      return -1;
    }
    int idx = name.length();
    for (int n = 0; n <= suffixLabels && idx >= 0; n++) {
      idx = name.lastIndexOf('.', idx - 1);
    }
    return idx + 1;
  }

  /** Number of labels of the public suffix of {@code name}; at least 1 (the TLD). */
  private static int suffixLabelCount(String name) {
    int underscore = name.lastIndexOf('_');
    String tail = name;
    if (underscore >= 0) {
      int dot = name.indexOf('.', underscore);
      if (dot < 0) {
        return 1;
      }
      tail = name.substring(dot + 1);
    }
    int lastDot = tail.lastIndexOf('.');
    char tldStart = tail.charAt(lastDot + 1);
    if (tldStart >= '0' && tldStart <= '9') {
      return 1; // no TLD starts with a digit, and Guava refuses such names
    }
    // Guava's suffix trie directly on our labels: the name is already validated and normalised,
    // so InternetDomainName's parse and re-validation (most of the cost) is skipped.
    List<String> labels = splitLabels(tail);
    int index = PublicSuffixPatterns.TRIE.findSuffixIndex(labels);
    return index < 0 ? 1 : labels.size() - index;
  }

  private static List<String> splitLabels(String name) {
    List<String> labels = new ArrayList<>(4);
    int start = 0;
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', start)) {
      labels.add(name.substring(start, dot));
      start = dot + 1;
    }
    labels.add(name.substring(start));
    return labels;
  }

  static int countLabels(String name) {
    int labels = 1;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '.') {
        labels++;
      }
    }
    return labels;
  }
}
