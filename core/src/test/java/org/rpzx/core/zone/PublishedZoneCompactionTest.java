package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Publishing grows the snapshot's overlay; past its bound a background compaction folds it in. */
class PublishedZoneCompactionTest {

  private final ZoneSettings settings = ZoneSettings.defaults();

  @Test
  void smallChangeSetsShareTheBaseAndOnlyGrowTheOverlay() {
    TrieSnapshot base = TrieSnapshot.of(settings, 1, names("base", 1000));
    PublishedZone zone = new PublishedZone(base, ChangeJournal.empty());
    zone.publish(new ChangeSet(1, 2, 0, names("new", 10), List.of("n0.base.com")));

    TrieSnapshot next = zone.current();
    assertThat(next.overlaySize()).isEqualTo(11);
    assertThat(next.wantsCompaction()).isFalse();
    assertThat(next.nameCount()).isEqualTo(1009);
    assertThat(next.contains("n3.new.com")).isTrue();
    assertThat(next.contains("n0.base.com")).isFalse();
    assertThat(base.contains("n0.base.com")).as("the old snapshot is untouched").isTrue();
  }

  @Test
  void aLargeOverlayIsCompactedInTheBackgroundAndRebasedOverLaterChanges() throws Exception {
    PublishedZone zone =
        new PublishedZone(TrieSnapshot.of(settings, 1, names("base", 100)), ChangeJournal.empty());
    List<String> many = names("bulk", 5000); // beyond the minimum bound of 4096
    zone.publish(new ChangeSet(1, 2, 0, many, List.of("n1.base.com")));
    // published while the compaction may still run: must survive the swap
    zone.publish(new ChangeSet(2, 3, 0, List.of("late.example"), List.of("n2.bulk.com")));
    zone.awaitCompaction();

    TrieSnapshot now = zone.current();
    assertThat(now.serial()).isEqualTo(3);
    assertThat(now.overlaySize()).isLessThanOrEqualTo(2);
    List<String> expected = new ArrayList<>(names("base", 100));
    expected.remove("n1.base.com");
    expected.addAll(many);
    expected.remove("n2.bulk.com");
    expected.add("late.example");
    assertThat(now.trie().sameLayout(LabelTrie.of(expected))).isTrue();
    assertThat(now.contains("n2.bulk.com")).isFalse();
    assertThat(now.match("x.late.example")).isEqualTo(NameMatch.WILDCARD_MATCH);
  }

  private static List<String> names(String tag, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("n" + i + "." + tag + ".com");
    }
    return out;
  }
}
