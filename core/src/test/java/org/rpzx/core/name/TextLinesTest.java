package org.rpzx.core.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class TextLinesTest {

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (NumberedLine l : TextLines.of(text)) {
      out.add(l.number() + ":" + l.text());
    }
    return out;
  }

  @Test
  void lfCrlfAndLoneCrEachEndALine() {
    assertThat(lines("a\nb\r\nc\rd")).containsExactly("1:a", "2:b", "3:c", "4:d");
  }

  @Test
  void aFinalLineBreakDoesNotAddAnEmptyLine() {
    assertThat(lines("a\n")).containsExactly("1:a");
    assertThat(lines("a\r\n")).containsExactly("1:a");
    assertThat(lines("a\r")).containsExactly("1:a");
  }

  @Test
  void blankLinesAreNumbered() {
    assertThat(lines("a\n\nb\r\n\r\nc\n\n")).containsExactly("1:a", "2:", "3:b", "4:", "5:c", "6:");
    assertThat(lines("\n")).containsExactly("1:");
    assertThat(lines("\r\n\r\n")).containsExactly("1:", "2:");
    assertThat(lines("\r\r")).containsExactly("1:", "2:");
    assertThat(lines("\n\r")).containsExactly("1:", "2:");
  }

  @Test
  void aLeadingBomIsDroppedOthersAreKept() {
    assertThat(lines("\uFEFFa\n\uFEFFb")).containsExactly("1:a", "2:\uFEFFb");
    assertThat(lines("\uFEFF")).isEmpty();
  }

  @Test
  void emptyTextHasNoLines() {
    assertThat(lines("")).isEmpty();
    Iterator<NumberedLine> it = TextLines.of("").iterator();
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void iterableTwiceAndAsStream() {
    TextLines t = TextLines.of("x\ny");
    assertThat(t).hasSize(2);
    assertThat(t).hasSize(2);
    assertThat(TextLines.stream("x\ny\nz").map(NumberedLine::text)).containsExactly("x", "y", "z");
  }

  @Test
  void aLargeTextIsWalkedLineByLine() {
    StringBuilder sb = new StringBuilder(26_000_000);
    int n = 0;
    while (sb.length() < 25_000_000) {
      sb.append("host").append(n).append(".evil-domain.example").append(n % 3 == 0 ? "\r\n" : "\n");
      n++;
    }
    long count = 0;
    int last = 0;
    for (NumberedLine l : TextLines.of(sb)) {
      count++;
      last = l.number();
      if (l.number() == n) {
        assertThat(l.text()).isEqualTo("host" + (n - 1) + ".evil-domain.example");
      }
    }
    assertThat(count).isEqualTo(n);
    assertThat(last).isEqualTo(n);
  }

  @Test
  void numberedLineRejectsNonsense() {
    assertThatThrownBy(() -> new NumberedLine(0, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NumberedLine(1, null)).isInstanceOf(NullPointerException.class);
  }
}
