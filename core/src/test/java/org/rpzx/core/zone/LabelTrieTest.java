package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelTrieTest {

  /** evil.example.org and a.b.example.org listed; example.org is not; x.evil.example.org too. */
  private final LabelTrie trie =
      LabelTrie.of(List.of("evil.example.org", "a.b.example.org", "x.evil.example.org", "com"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'', APEX",
    "evil.example.org, NAME",
    "EVIL.Example.ORG, NAME",
    "*.evil.example.org, WILDCARD_OWNER",
    "host.evil.example.org, WILDCARD_MATCH",
    "deep.down.host.evil.example.org, WILDCARD_MATCH",
    // a listed name below another listed name: its own name, its own wildcard
    "x.evil.example.org, NAME",
    "*.x.evil.example.org, WILDCARD_OWNER",
    "y.x.evil.example.org, WILDCARD_MATCH",
    // the literal *.N is an existing name: below it is the closest encloser *.N; *.*.N is absent
    "y.*.evil.example.org, NX_DOMAIN",
    "*.*.evil.example.org, NX_DOMAIN",
    // a '*' label that is not *.N itself is an ordinary label
    "*.y.evil.example.org, WILDCARD_MATCH",
    // empty non-terminals: proper ancestors of listed names
    "example.org, EMPTY_NON_TERMINAL",
    "org, EMPTY_NON_TERMINAL",
    "b.example.org, EMPTY_NON_TERMINAL",
    // an empty non-terminal blocks the wildcard above it (RFC 4592 §2.2.2)
    "z.b.example.org, NX_DOMAIN",
    "*.b.example.org, NX_DOMAIN",
    "other.example.org, NX_DOMAIN",
    "net, NX_DOMAIN",
    "*, NX_DOMAIN",
    "com, NAME",
    "anything.com, WILDCARD_MATCH",
  })
  void matchesQueryNames(String query, NameMatch expected) {
    assertThat(trie.match(query)).isEqualTo(expected);
  }

  @Test
  void emptyTrie() {
    LabelTrie empty = LabelTrie.empty();
    assertThat(empty.nameCount()).isZero();
    assertThat(empty.nodeCount()).isEqualTo(1);
    assertThat(empty.cursor().next()).isFalse();
    assertThat(empty.match("")).isEqualTo(NameMatch.APEX);
    assertThat(empty.match("a.b")).isEqualTo(NameMatch.NX_DOMAIN);
    assertThat(empty.contains("a")).isFalse();
    assertThat(LabelTrie.of(List.of()).sameLayout(empty)).isTrue();
  }

  @Test
  void skipsDuplicatesAndRejectsUnsortedInput() {
    assertThat(LabelTrie.fromSorted(List.of("a.com", "a.com", "b.com")).nameCount()).isEqualTo(2);
    assertThatThrownBy(() -> LabelTrie.fromSorted(List.of("b.com", "a.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("canonical order");
    assertThatThrownBy(() -> LabelTrie.fromSorted(List.of("a.com", "com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("canonical order");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a..b",
        ".a",
        "a.",
        "*.a",
        "a.*",
        "Upper.com",
        "sp ace.com",
        "caf\u00e9.com",
        "0123456789012345678901234567890123456789012345678901234567890123.com"
      })
  void rejectsNamesItCannotHold(String bad) {
    assertThatThrownBy(() -> LabelTrie.of(List.of("ok.com", bad)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> trie.merge(List.of(bad), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsOverlongNameButTakesTheLongestThatFits() {
    String label = "a".repeat(63);
    String longest = String.join(".", label, label, label, "a".repeat(59)); // 251 characters
    assertThat(longest).hasSize(251);
    assertThat(LabelTrie.of(List.of(longest)).maxWireLength()).isEqualTo(252);
    assertThatThrownBy(() -> LabelTrie.of(List.of("b" + longest)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too long");
  }

  @Test
  void retainedBytesCountsTheArrays() {
    LabelTrie t = LabelTrie.of(List.of("abcdefgh.com", "ijklmnop.com"));
    // pool: root 1 + "com" 4 + two 9-octet labels = 23 octets
    assertThat(t.nodeCount()).isEqualTo(4);
    assertThat(t.retainedBytes()).isGreaterThan(23).isLessThan(400);
  }

  @Test
  void mergeWithoutChangesReturnsTheSameTrie() {
    assertThat(trie.merge(List.of(), List.of())).isSameAs(trie);
  }
}
