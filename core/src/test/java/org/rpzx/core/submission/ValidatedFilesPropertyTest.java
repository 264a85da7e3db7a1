package org.rpzx.core.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.rpzx.core.name.EntryValidator;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.name.NumberedLine;
import org.rpzx.core.name.RejectReason;
import org.rpzx.core.name.TextLines;
import org.rpzx.core.name.ValidationPolicy;

/**
 * {@link ValidatedFiles} (flat arrays, one hash set) counts and orders exactly as the plain model
 * it replaced: accepted names once each in first-occurrence order, repeats and blank or comment
 * lines skipped, rejected lines with file and line, suppressed names turned into rejected lines at
 * their first occurrence.
 */
class ValidatedFilesPropertyTest {

  private static final EntryValidator RULES = EntryValidator.of(ValidationPolicy.defaults());

  @Property(tries = 300)
  void agreesWithTheStraightforwardModel(
      @ForAll("files") List<String> texts, @ForAll("suppressed") Set<String> suppressed) {
    List<DomainsFile> files = new ArrayList<>();
    for (String t : texts) {
      files.add(new DomainsFile("domains.txt", t));
    }
    Model model = Model.of(files);
    ValidatedFiles v = ValidatedFiles.of(RULES, files);
    assertThat(v.accepted()).containsExactlyElementsOf(model.accepted);
    assertThat(v.rejected()).containsExactlyElementsOf(model.rejected);
    assertThat(v.skipped()).isEqualTo(model.skipped);

    Model m2 = model.withoutSuppressed(suppressed);
    ValidatedFiles v2 = v.withoutSuppressed(suppressed);
    assertThat(v2.accepted()).containsExactlyElementsOf(m2.accepted);
    assertThat(v2.rejected()).containsExactlyElementsOf(m2.rejected);
    assertThat(v2.skipped()).isEqualTo(m2.skipped);
  }

  @Test
  void aLargeFileCutIntoPiecesAgreesWithTheModel() {
    // over three pieces of 1 MiB: cut at line starts, split and validated in parallel
    StringBuilder sb = new StringBuilder("\uFEFF");
    String[] breaks = {"\n", "\r\n", "\r"};
    for (int i = 0; sb.length() < 3_500_000; i++) {
      String line =
          switch (i % 11) {
            case 0 -> "http://bad" + i + ".example/";
            case 1 -> "# comment " + i;
            case 2 -> "";
            case 3 -> "dup" + (i % 50) + ".example";
            default -> "host" + i + ".example" + (i % 2 == 0 ? ".org" : ".com");
          };
      sb.append(line).append(breaks[i % 3]);
    }
    List<DomainsFile> files = List.of(new DomainsFile("domains.txt", sb.toString()));
    Model model = Model.of(files);
    ValidatedFiles v = ValidatedFiles.of(RULES, files);
    assertThat(v.accepted()).hasSizeGreaterThan(100_000).containsExactlyElementsOf(model.accepted);
    assertThat(v.rejected()).containsExactlyElementsOf(model.rejected);
    assertThat(v.skipped()).isEqualTo(model.skipped);
  }

  @Test
  void aSuppressedNameIsRejectedWhereItFirstOccurred() {
    List<DomainsFile> files =
        List.of(
            new DomainsFile("domains.txt", "a.example\n# note\nb.example\n"),
            new DomainsFile("domains.txt", "http://x.example/\nb.example\nc.example\n"));
    ValidatedFiles v = ValidatedFiles.of(RULES, files).withoutSuppressed(Set.of("b.example"));
    assertThat(v.accepted()).containsExactly("a.example", "c.example");
    assertThat(v.skipped()).isEqualTo(2);
    assertThat(v.rejected())
        .extracting(RejectedLine::fileIndex, RejectedLine::lineNumber, RejectedLine::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 3, RejectReason.SUPPRESSED),
            org.assertj.core.groups.Tuple.tuple(1, 1, RejectReason.URL));
  }

  @Provide
  Arbitrary<List<String>> files() {
    Arbitrary<String> line =
        Arbitraries.oneOf(
            Arbitraries.of("a", "b", "c", "d", "e").map(s -> s + ".example"),
            Arbitraries.of("A.example", "*.b.example", "c.example.", " d.example "),
            Arbitraries.of("", "# comment", "http://a.example/", "1.2.3.4", "a..b", "com"));
    Arbitrary<String> file =
        line.list().ofMaxSize(15).map(ls -> String.join("\n", ls) + (ls.isEmpty() ? "" : "\n"));
    return file.list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<Set<String>> suppressed() {
    return Arbitraries.of("a.example", "b.example", "c.example", "z.example").set().ofMaxSize(3);
  }

  /** The algorithm before the rewrite: a linked hash set and a map of positions. */
  private record Model(
      List<String> accepted,
      Map<String, int[]> positions,
      List<RejectedLine> rejected,
      int skipped) {

    static Model of(List<DomainsFile> files) {
      LinkedHashSet<String> accepted = new LinkedHashSet<>();
      Map<String, int[]> positions = new HashMap<>();
      List<RejectedLine> rejected = new ArrayList<>();
      int skipped = 0;
      for (int f = 0; f < files.size(); f++) {
        for (NumberedLine line : TextLines.of(files.get(f).text())) {
          LineOutcome o = RULES.validate(line.text());
          if (o instanceof LineOutcome.Accepted a) {
            if (accepted.add(a.name())) {
              positions.put(a.name(), new int[] {f, line.number()});
            } else {
              skipped++;
            }
          } else if (o instanceof LineOutcome.Rejected r) {
            rejected.add(
                new RejectedLine(f, line.number(), line.text().strip(), r.reason(), r.detail()));
          } else {
            skipped++;
          }
        }
      }
      return new Model(new ArrayList<>(accepted), positions, rejected, skipped);
    }

    Model withoutSuppressed(Set<String> suppressed) {
      List<String> kept = new ArrayList<>();
      List<RejectedLine> more = new ArrayList<>(rejected);
      for (String name : accepted) {
        if (suppressed.contains(name)) {
          int[] at = positions.get(name);
          more.add(
              new RejectedLine(
                  at[0], at[1], name, RejectReason.SUPPRESSED, "delisted as a false positive"));
        } else {
          kept.add(name);
        }
      }
      more.sort(
          Comparator.comparingInt(RejectedLine::fileIndex)
              .thenComparingInt(RejectedLine::lineNumber));
      return new Model(kept, positions, more, skipped);
    }
  }
}
