package org.rpzx.core.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Pieces cut at line starts hold, one after the other, exactly the lines of the whole text. */
class TextLinesProperties {

  @Property(tries = 1000)
  void piecesReadInOrderAreTheWholeTextsLines(
      @ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 12) int pieceChars) {
    List<String> whole = new ArrayList<>();
    for (NumberedLine l : TextLines.of(text)) {
      whole.add(l.text());
    }
    List<String> joined = new ArrayList<>();
    List<TextLines> pieces = TextLines.pieces(text, pieceChars);
    for (TextLines piece : pieces) {
      int expected = 1;
      for (NumberedLine l : piece) {
        assertThat(l.number()).as("each piece numbers from 1").isEqualTo(expected++);
        joined.add(l.text());
      }
    }
    assertThat(joined).isEqualTo(whole);
    assertThat(pieces).isNotEmpty();
  }

  @Provide
  Arbitrary<String> texts() {
    // line breaks of every kind, a byte-order mark, blank lines
    return Arbitraries.of("a", "bc", "\n", "\r", "\r\n", "\uFEFF", ".", "x.example", "")
        .list()
        .ofMaxSize(30)
        .map(parts -> String.join("", parts));
  }
}
