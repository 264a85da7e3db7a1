package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameCursorTest {

  @Test
  void overAListGivesWireFormLabelsAndSharedSuffixes() {
    NameCursor c = NameCursor.over(List.of("b.example", "a.b.example", "a.b.example", "c.org"));
    List<String> names = new ArrayList<>();
    List<Integer> shared = new ArrayList<>();
    while (c.next()) {
      names.add(c.name());
      shared.add(c.sharedSuffixLabels());
      if (c.name().equals("a.b.example")) {
        assertThat(Arrays.copyOf(c.wire(), c.wireLength()))
            .containsExactly(1, 'a', 1, 'b', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e');
        assertThat(c.labelCount()).isEqualTo(3);
      }
    }
    assertThat(names)
        .as("the repeated name is skipped")
        .containsExactly("b.example", "a.b.example", "c.org");
    assertThat(shared).containsExactly(0, 2, 0);
  }

  @Test
  void outOfOrderIsRefused() {
    NameCursor c = NameCursor.over(List.of("c.org", "b.example"));
    assertThat(c.next()).isTrue();
    assertThatThrownBy(c::next).isInstanceOf(IllegalArgumentException.class);
  }
}
