package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The packed canonical keys and their radix sort against {@link CanonicalNameOrder}. */
class NameKeysProperties {

  @Property(tries = 500)
  void keySortIsCanonicalOrder(@ForAll("manyNames") List<String> names) {
    NameKeys keys = new NameKeys();
    names.forEach(keys::add);
    int[] order = sortOf(keys);
    List<String> sorted = new ArrayList<>();
    for (int idx : order) {
      sorted.add(names.get(idx));
    }
    List<String> expected = new ArrayList<>(names);
    expected.sort(CanonicalNameOrder.INSTANCE);
    // equal names may come in any order among themselves; as text they are the same list
    assertThat(sorted).containsExactlyElementsOf(expected);
  }

  @Property(tries = 300)
  void sortedCanonicallyIsTheComparatorOrder(@ForAll("manyNames") List<String> names) {
    List<String> expected = new ArrayList<>(names);
    expected.sort(CanonicalNameOrder.INSTANCE);
    assertThat(NameKeys.sortedCanonically(names)).containsExactlyElementsOf(expected);
  }

  @Property(tries = 200)
  void trieFromKeysEqualsTrieFromSortedStrings(@ForAll("manyNames") List<String> names) {
    NameKeys keys = new NameKeys(names.size(), 0);
    byte[] text = String.join("\n", names).getBytes(StandardCharsets.US_ASCII);
    if (!names.isEmpty()) {
      keys.addLines(text, 0, text.length);
    }
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(CanonicalNameOrder.INSTANCE);
    assertThat(keys.toTrie().sameLayout(LabelTrie.fromSorted(sorted))).isTrue();
  }

  /** The radix digit packs fewer octets as the index needs more bits: exercise several counts. */
  @Property(tries = 20)
  void sortsLargerSetsWithSharedPrefixes(@ForAll @IntRange(min = 1, max = 20_000) int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // long shared tails and heads make ties over several digits
      names.add("h" + (i % 7) + ".sub" + (i * 7919 % count) + ".example-shared-suffix.com");
    }
    NameKeys keys = new NameKeys();
    names.forEach(keys::add);
    List<String> sorted = new ArrayList<>();
    for (int idx : sortOf(keys)) {
      sorted.add(names.get(idx));
    }
    List<String> expected = new ArrayList<>(names);
    expected.sort(CanonicalNameOrder.INSTANCE);
    assertThat(sorted).containsExactlyElementsOf(expected);
  }

  @Property(tries = 100)
  void asciiAndStringChecksAgree(@ForAll("anyText") String text) {
    String fromString = outcome(() -> new WireName().setFromString(text));
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    String fromAscii = outcome(() -> new WireName().setFromAscii(b, 0, b.length));
    assertThat(fromAscii).isEqualTo(fromString);
  }

  @Property(tries = 50)
  void anInvalidLineIsAClearError(@ForAll("manyNames") List<String> names) {
    byte[] text = (String.join("\n", names) + "\nbad..name").getBytes(StandardCharsets.US_ASCII);
    int from = names.isEmpty() ? 1 : 0;
    assertThatThrownBy(() -> new NameKeys().addLines(text, from, text.length))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad..name");
  }

  private static String outcome(Runnable r) {
    try {
      r.run();
      return "ok";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static int[] sortOf(NameKeys keys) {
    return CanonicalKeySort.sort(keys.data(), keys.ends(), keys.size());
  }

  @Provide
  Arbitrary<List<String>> manyNames() {
    return ZoneArbitraries.name().list().ofMaxSize(300).injectDuplicates(0.2);
  }

  @Provide
  Arbitrary<String> anyText() {
    return net.jqwik.api.Arbitraries.oneOf(
        ZoneArbitraries.name(),
        net.jqwik.api.Arbitraries.strings().withChars("ab.*A \u00e9-").ofMaxLength(12),
        net.jqwik.api.Arbitraries.strings().withChars("a.").ofMinLength(60).ofMaxLength(260));
  }
}
