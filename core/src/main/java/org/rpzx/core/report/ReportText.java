package org.rpzx.core.report;

import java.util.Optional;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.name.NameNormalizer;

/** Checks of what reporters and the operator type: names, reasons, notes. */
final class ReportText {

  static final int MAX_TEXT = 500;
  private static final NameNormalizer NORMALIZER = new NameNormalizer(true);

  private ReportText() {}

  /**
   * {@code text} on one line: each run of white space and control characters (e.g. a folded mail
   * subject) becomes one space, the ends are stripped; null or blank is null.
   */
  static String oneLine(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
        gap = true;
        continue;
      }
      if (gap && sb.length() > 0) {
        sb.append(' ');
      }
      gap = false;
      sb.appendCodePoint(cp);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  /**
   * Why {@code text} (already {@link #oneLine}) is not acceptable as a {@code what}, if it is not.
   */
  static Optional<String> refusal(String what, String text, boolean required) {
    if (text == null) {
      return required ? Optional.of("a " + what + " is required") : Optional.empty();
    }
    if (text.length() > MAX_TEXT) {
      return Optional.of("the " + what + " is longer than " + MAX_TEXT + " characters");
    }
    return Optional.empty();
  }

  /** {@code raw} normalised as a line of {@code domains.txt} is, or why it is not a name. */
  static Mutation<String> name(String raw) {
    LineOutcome o = NORMALIZER.normalize(raw == null ? "" : raw);
    if (o instanceof LineOutcome.Accepted a) {
      return new Mutation.Done<>(a.name());
    }
    if (o instanceof LineOutcome.Rejected r) {
      return new Mutation.Invalid<>(
          "not a domain name: " + clip(raw.strip()) + " (" + r.reason().code() + ")");
    }
    return new Mutation.Invalid<>("a domain name is required");
  }

  private static String clip(String s) {
    String line = oneLine(s);
    if (line == null) {
      return "";
    }
    return line.length() <= 100 ? line : line.substring(0, 100) + "…";
  }
}
