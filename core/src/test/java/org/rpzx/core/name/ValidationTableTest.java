package org.rpzx.core.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code validation-table.tsv}: input, expected outcome (the accepted normalised name, a
 * reason code, or {@code skip}) and a comment, against {@link TestFixtures#VALIDATOR}.
 */
class ValidationTableTest {

  private static final String TABLE = "validation-table.tsv";

  record Row(int line, String rawInput, String input, String expected, String comment) {
    @Override
    public String toString() {
      return line + ": " + rawInput + " -> " + expected + " (" + comment + ")";
    }
  }

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = ValidationTableTest.class.getResourceAsStream(TABLE);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("//")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length != 3) {
          throw new IllegalStateException(TABLE + ":" + n + ": need 3 tab-separated columns");
        }
        rows.add(
            new Row(
                n,
                cols[0],
                TestFixtures.unescape(cols[0]),
                TestFixtures.unescape(cols[1]),
                cols[2]));
      }
    }
    return rows;
  }

  static List<Arguments> cases() throws IOException {
    return rows().stream().map(Arguments::of).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lineHasExpectedOutcome(Row row) {
    LineOutcome outcome = TestFixtures.VALIDATOR.validate(row.input());
    assertThat(describe(outcome)).as(row.toString()).isEqualTo(row.expected());
  }

  @Test
  void tableIsLargeAndCoversEveryReasonSeveralTimes() throws IOException {
    List<Row> rows = rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
    for (RejectReason reason : RejectReason.values()) {
      assertThat(rows.stream().filter(r -> r.expected().equals(reason.code())).count())
          .as("rows expecting %s", reason.code())
          .isGreaterThanOrEqualTo(3);
    }
    Set<String> codes =
        EnumSet.allOf(RejectReason.class).stream()
            .map(RejectReason::code)
            .collect(Collectors.toSet());
    assertThat(rows.stream().filter(r -> r.expected().equals("skip")).count())
        .isGreaterThanOrEqualTo(3);
    assertThat(rows.stream().filter(r -> !codes.contains(r.expected())).count())
        .as("accepted rows")
        .isGreaterThanOrEqualTo(30);
  }

  static String describe(LineOutcome outcome) {
    if (outcome instanceof LineOutcome.Accepted a) {
      return a.name();
    }
    if (outcome instanceof LineOutcome.Rejected r) {
      return r.reason().code();
    }
    return "skip";
  }
}
