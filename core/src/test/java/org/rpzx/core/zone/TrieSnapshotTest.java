package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrieSnapshotTest {

  private final ZoneSettings settings = ZoneSettings.defaults();
  private final TrieSnapshot base =
      TrieSnapshot.of(settings, 100, List.of("a.com", "b.com", "c.org"));

  @Test
  void applyMakesTheNextSnapshotAndLeavesTheOldOne() {
    ChangeSet cs = new ChangeSet(100, 101, 0, List.of("d.net"), List.of("b.com"));
    TrieSnapshot next = base.apply(cs);
    assertThat(next.serial()).isEqualTo(101);
    assertThat(next.trie().toList()).containsExactly("a.com", "d.net", "c.org");
    assertThat(base.serial()).isEqualTo(100);
    assertThat(base.trie().toList()).containsExactly("a.com", "b.com", "c.org");
    assertThat(next.settings()).isSameAs(settings);
  }

  @Test
  void effectiveChangesDropNoOpsSortAndDeduplicate() {
    ChangeSet cs =
        new ChangeSet(
            100, 101, 7, List.of("z.com", "a.com", "e.com", "e.com"), List.of("x.org", "c.org"));
    ChangeSet eff = base.effectiveChanges(cs);
    assertThat(eff.added()).containsExactly("e.com", "z.com");
    assertThat(eff.removed()).containsExactly("c.org");
    assertThat(eff.fromSerial()).isEqualTo(100);
    assertThat(eff.toSerial()).isEqualTo(101);
    assertThat(eff.epochMillis()).isEqualTo(7);
    // a replay of the same change set on the result changes nothing
    TrieSnapshot next = base.apply(cs);
    ChangeSet replay = new ChangeSet(101, 102, 8, cs.added(), cs.removed());
    assertThat(next.effectiveChanges(replay).isEmpty()).isTrue();
    assertThat(next.apply(replay).trie().sameLayout(next.trie())).isTrue();
  }

  @Test
  void rejectsChangeSetsThatDoNotFit() {
    assertThatThrownBy(() -> base.apply(new ChangeSet(99, 101, 0, List.of("x.com"), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serial");
    assertThatThrownBy(
            () -> base.apply(new ChangeSet(100, 101, 0, List.of("x.com"), List.of("x.com"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both");
    assertThatThrownBy(() -> base.apply(new ChangeSet(100, 101, 0, List.of("bad..com"), List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNamesTooLongForTheOrigin() {
    String label = "a".repeat(63);
    String name = String.join(".", label, label, label, "a".repeat(40)); // 232 characters
    ZoneSettings longOrigin = ZoneSettings.defaults("a-rather-long-origin-name.example.");
    assertThat(TrieSnapshot.of(settings, 1, List.of(name)).nameCount()).isEqualTo(1);
    assertThatThrownBy(() -> TrieSnapshot.of(longOrigin, 1, List.of(name)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too long");
    TrieSnapshot empty = TrieSnapshot.empty(longOrigin, 1);
    assertThatThrownBy(() -> empty.apply(new ChangeSet(1, 2, 0, List.of(name), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
  }

  @Test
  void rejectsInvalidSerial() {
    assertThatThrownBy(() -> TrieSnapshot.empty(settings, 1L << 32))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void delegatesToTheTrie() {
    assertThat(base.nameCount()).isEqualTo(3);
    assertThat(base.contains("a.com")).isTrue();
    assertThat(base.contains("com")).isFalse();
    assertThat(base.match("com")).isEqualTo(NameMatch.EMPTY_NON_TERMINAL);
    assertThat(base.match("www.a.com")).isEqualTo(NameMatch.WILDCARD_MATCH);
    assertThat(base.retainedBytes()).isGreaterThan(base.trie().retainedBytes());
    NameCursor c = base.cursor();
    assertThat(c.next()).isTrue();
    assertThat(c.name()).isEqualTo("a.com");
  }
}
