package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lists known to be sorted pass through the zone model without another sort. */
class CanonicalListTest {

  @Test
  void sortedCopySortsOnceAndThenHandsTheSameListBack() {
    List<String> names = new ArrayList<>(List.of("b.example.org", "a.example.com", "example.org"));
    CanonicalList sorted = CanonicalList.sortedCopy(names);
    assertThat(sorted).containsExactly("a.example.com", "example.org", "b.example.org");
    assertThat(CanonicalList.sortedCopy(sorted)).isSameAs(sorted);
    names.clear();
    assertThat(sorted).as("a copy, not a view").hasSize(3);
    assertThatThrownBy(() -> sorted.set(0, "x.example"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void changeSetsAndTheirReductionKeepSaying() {
    CanonicalList added = CanonicalList.sortedCopy(List.of("b.example.org", "a.example.com"));
    ChangeSet cs = new ChangeSet(1, 2, 0, added, List.of());
    assertThat(cs.added()).isSameAs(added);
    assertThat(new ChangeSet(1, 2, 0, new ArrayList<>(added), List.of()).added())
        .isNotInstanceOf(CanonicalList.class);

    TrieSnapshot zone = TrieSnapshot.of(ZoneSettings.defaults(), 1, List.of("a.example.com"));
    ChangeSet effective = zone.effectiveChanges(cs);
    assertThat(effective.added())
        .isInstanceOf(CanonicalList.class)
        .containsExactly("b.example.org");
    assertThat(effective.removed()).isInstanceOf(CanonicalList.class).isEmpty();
  }

  @Test
  void aLargeKeySortGivesEqualNewStringsInComparatorOrder() {
    // past the size from which the names are rebuilt from their keys, on several cores
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 150_000; i++) {
      names.add(
          (i % 7 == 0 ? "www." : "")
              + "h"
              + Integer.toString(i, 36)
              + ".example."
              + (i % 3 == 0 ? "org" : "com"));
    }
    names.add(names.get(5)); // a duplicate stays
    Collections.shuffle(names, new Random(3));
    List<String> expected = new ArrayList<>(names);
    expected.sort(CanonicalNameOrder.INSTANCE);

    CanonicalList sorted = NameKeys.sortedCanonically(names);

    assertThat(sorted).containsExactlyElementsOf(expected);
    assertThat(sorted.get(0)).isNotSameAs(names.get(names.indexOf(sorted.get(0))));
  }
}
