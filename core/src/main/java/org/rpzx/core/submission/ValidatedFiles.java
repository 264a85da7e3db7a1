package org.rpzx.core.submission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.rpzx.core.name.EntryValidator;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.name.NumberedLine;
import org.rpzx.core.name.RejectReason;
import org.rpzx.core.name.TextLines;

/**
 * A submission's files after validation: the accepted names, each once, in the order they first
 * occur (with the file and line of that first occurrence), the rejected lines, and how many lines
 * were skipped (blank, comments, repeats of an accepted name within the submission).
 *
 * <p>Built for a million lines: one hash set for the repeats, names and positions in flat arrays.
 */
final class ValidatedFiles {

  /** Stored text of a rejected line, at most this many characters. */
  static final int MAX_STORED_LINE = 255;

  /** A shorter line is rare in a real list; the guess only presizes (too low just rehashes). */
  private static final int BYTES_PER_NAME_GUESS = 16;

  private final List<String> accepted;
  private final int[] fileOf;
  private final int[] lineOf;
  private final List<RejectedLine> rejected;
  private final int skipped;

  private ValidatedFiles(
      List<String> accepted, int[] fileOf, int[] lineOf, List<RejectedLine> rejected, int skipped) {
    this.accepted = accepted;
    this.fileOf = fileOf;
    this.lineOf = lineOf;
    this.rejected = rejected;
    this.skipped = skipped;
  }

  /** Validates every line of {@code files} with {@code rules}. */
  static ValidatedFiles of(EntryValidator rules, List<DomainsFile> files) {
    long chars = 0;
    for (DomainsFile f : files) {
      chars += f.text().length();
    }
    int guess = (int) Math.min(1 << 24, chars / BYTES_PER_NAME_GUESS + 16);
    Set<String> seen = new HashSet<>(guess * 4 / 3 + 1);
    List<String> accepted = new ArrayList<>(guess);
    int[] fileOf = new int[guess];
    int[] lineOf = new int[guess];
    List<RejectedLine> rejected = new ArrayList<>();
    int skipped = 0;
    for (int f = 0; f < files.size(); f++) {
      Validated v = validateAll(rules, files.get(f).text());
      for (int l = 0; l < v.lines().size(); l++) {
        int number = l + 1;
        LineOutcome outcome = v.outcomes()[l];
        if (outcome instanceof LineOutcome.Accepted a) {
          if (seen.add(a.name())) {
            int i = accepted.size();
            if (i == fileOf.length) {
              fileOf = Arrays.copyOf(fileOf, i * 2);
              lineOf = Arrays.copyOf(lineOf, i * 2);
            }
            accepted.add(a.name());
            fileOf[i] = f;
            lineOf[i] = number;
          } else {
            skipped++; // a duplicate within one submission counts once
          }
        } else if (outcome instanceof LineOutcome.Rejected r) {
          rejected.add(new RejectedLine(f, number, clip(v.lines().get(l)), r.reason(), r.detail()));
        } else {
          skipped++;
        }
      }
    }
    return new ValidatedFiles(
        Collections.unmodifiableList(accepted), fileOf, lineOf, rejected, skipped);
  }

  /** Characters per piece when a large file is cut into lines and validated on several cores. */
  private static final int PARALLEL_PIECE = 1 << 20;

  /** A file's lines (line {@code i + 1} at index {@code i}) with their outcomes. */
  private record Validated(List<String> lines, LineOutcome[] outcomes) {}

  /**
   * Each line of {@code text} with its outcome, in order; a large text is cut into pieces at line
   * starts, each split and validated on its own core (the rules are shared by concurrent sessions
   * anyway): splitting and validation are most of a million-line submission's work.
   */
  private static Validated validateAll(EntryValidator rules, String text) {
    List<TextLines> pieces = TextLines.pieces(text, PARALLEL_PIECE);
    Stream<TextLines> stream = pieces.stream();
    List<Validated> done =
        (pieces.size() > 2 ? stream.parallel() : stream)
            .map(piece -> validatePiece(rules, piece))
            .toList();
    if (done.size() == 1) {
      return done.get(0);
    }
    int count = 0;
    for (Validated v : done) {
      count += v.lines().size();
    }
    List<String> lines = new ArrayList<>(count);
    LineOutcome[] outcomes = new LineOutcome[count];
    for (Validated v : done) {
      System.arraycopy(v.outcomes(), 0, outcomes, lines.size(), v.outcomes().length);
      lines.addAll(v.lines());
    }
    return new Validated(lines, outcomes);
  }

  private static Validated validatePiece(EntryValidator rules, TextLines piece) {
    List<String> lines = new ArrayList<>();
    for (NumberedLine line : piece) {
      lines.add(line.text());
    }
    LineOutcome[] outcomes = new LineOutcome[lines.size()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = rules.validate(lines.get(i));
    }
    return new Validated(lines, outcomes);
  }

  /** The accepted names, each once, in the order they first occur. */
  List<String> accepted() {
    return accepted;
  }

  List<RejectedLine> rejected() {
    return rejected;
  }

  int skipped() {
    return skipped;
  }

  /**
   * The accepted names that are {@code suppressed} now become rejected lines (at their first
   * occurrence); {@code this} when none is.
   */
  ValidatedFiles withoutSuppressed(Set<String> suppressed) {
    if (suppressed.isEmpty() || Collections.disjoint(suppressed, accepted)) {
      return this;
    }
    List<String> kept = new ArrayList<>(accepted.size());
    int[] keptFile = new int[accepted.size()];
    int[] keptLine = new int[accepted.size()];
    List<RejectedLine> more = new ArrayList<>(rejected);
    for (int i = 0; i < accepted.size(); i++) {
      String name = accepted.get(i);
      if (suppressed.contains(name)) {
        more.add(
            new RejectedLine(
                fileOf[i],
                lineOf[i],
                name,
                RejectReason.SUPPRESSED,
                "delisted as a false positive"));
      } else {
        keptFile[kept.size()] = fileOf[i];
        keptLine[kept.size()] = lineOf[i];
        kept.add(name);
      }
    }
    more.sort(
        Comparator.comparingInt(RejectedLine::fileIndex)
            .thenComparingInt(RejectedLine::lineNumber));
    return new ValidatedFiles(
        Collections.unmodifiableList(kept), keptFile, keptLine, more, skipped);
  }

  private static String clip(String line) {
    String t = line.strip();
    return t.length() <= MAX_STORED_LINE ? t : t.substring(0, MAX_STORED_LINE) + "…";
  }
}
