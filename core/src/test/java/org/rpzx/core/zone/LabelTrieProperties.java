package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The trie against a TreeSet model and the naive {@link ReferenceZone}. */
class LabelTrieProperties {

  @Property(tries = 300)
  void holdsExactlyTheNamesOfTheModel(
      @ForAll("nameLists") List<String> names, @ForAll("nameLists") List<String> strangers) {
    TreeSet<String> model = new TreeSet<>(CanonicalNameOrder.INSTANCE);
    model.addAll(names);
    LabelTrie trie = LabelTrie.of(names);

    assertThat(trie.nameCount()).isEqualTo(model.size());
    for (String n : names) {
      assertThat(trie.contains(n)).as(n).isTrue();
      assertThat(trie.contains(n.toUpperCase())).as("case-insensitive " + n).isTrue();
    }
    for (String s : strangers) {
      assertThat(trie.contains(s)).as(s).isEqualTo(model.contains(s));
    }
    assertThat(trie.toList()).containsExactlyElementsOf(model);
  }

  @Property(tries = 300)
  void cursorWalksCanonicallyWithCorrectWireAndSharedLabels(
      @ForAll("nameLists") List<String> names) {
    List<String> sorted =
        new ArrayList<>(
            new TreeSet<>(CanonicalNameOrder.INSTANCE) {
              {
                addAll(names);
              }
            });
    NameCursor cursor = LabelTrie.of(names).cursor();
    String prev = null;
    for (String expected : sorted) {
      assertThat(cursor.next()).isTrue();
      assertThat(cursor.name()).isEqualTo(expected);
      assertThat(decode(cursor.wire(), cursor.wireLength())).isEqualTo(expected);
      assertThat(cursor.wireLength()).isEqualTo(expected.length() + 1);
      List<String> labels = ReferenceZone.labelsFromRight(expected);
      assertThat(cursor.labelCount()).isEqualTo(labels.size());
      assertThat(cursor.sharedSuffixLabels()).isEqualTo(prev == null ? 0 : shared(prev, expected));
      prev = expected;
    }
    assertThat(cursor.next()).isFalse();
    assertThat(cursor.next()).isFalse();
  }

  @Property(tries = 300)
  void fromSortedEqualsUnsortedBuild(@ForAll("nameLists") List<String> names) {
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(CanonicalNameOrder.INSTANCE);
    assertThat(LabelTrie.fromSorted(sorted).sameLayout(LabelTrie.of(names))).isTrue();
  }

  @Property(tries = 300)
  void mergeEqualsFreshBuildOfTheResult(
      @ForAll("nameLists") List<String> base,
      @ForAll("nameLists") List<String> added,
      @ForAll("nameLists") List<String> removedExtra) {
    LabelTrie before = LabelTrie.of(base);
    List<String> beforeNames = before.toList();
    // remove about half of the base and some names that are not there
    List<String> removed = new ArrayList<>(removedExtra);
    for (int i = 0; i < base.size(); i += 2) {
      removed.add(base.get(i));
    }
    removed.removeAll(added);
    TreeSet<String> expected = new TreeSet<>(CanonicalNameOrder.INSTANCE);
    expected.addAll(base);
    expected.removeAll(removed);
    expected.addAll(added);

    LabelTrie after = before.merge(added, removed);

    assertThat(after.sameLayout(LabelTrie.of(expected))).isTrue();
    assertThat(after.toList()).containsExactlyElementsOf(expected);
    assertThat(before.toList()).as("old trie untouched").isEqualTo(beforeNames);
  }

  @Property(tries = 300)
  void matchAgreesWithTheRfc4592Model(@ForAll("nameListsWithQueries") NamesAndQueries nq) {
    LabelTrie trie = LabelTrie.of(nq.names());
    ReferenceZone model = new ReferenceZone(nq.names());
    for (String q : nq.queries()) {
      NameMatch expected = model.match(q);
      Statistics.collect(expected);
      assertThat(trie.match(q)).as("match(%s) in %s", q, model.active).isEqualTo(expected);
    }
  }

  record NamesAndQueries(List<String> names, List<String> queries) {}

  @Provide
  Arbitrary<List<String>> nameLists() {
    return ZoneArbitraries.names(60);
  }

  @Provide
  Arbitrary<NamesAndQueries> nameListsWithQueries() {
    return ZoneArbitraries.names(40)
        .flatMap(
            names ->
                Combinators.combine(
                        net.jqwik.api.Arbitraries.just(names),
                        ZoneArbitraries.queryNear(names).list().ofMaxSize(40))
                    .as(NamesAndQueries::new));
  }

  static String decode(byte[] wire, int len) {
    StringBuilder sb = new StringBuilder();
    int off = 0;
    while (off < len) {
      int l = wire[off];
      assertThat(l).isBetween(1, 63);
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(new String(wire, off + 1, l, StandardCharsets.US_ASCII));
      off += 1 + l;
    }
    assertThat(off).isEqualTo(len);
    return sb.toString();
  }

  static int shared(String a, String b) {
    List<String> la = ReferenceZone.labelsFromRight(a);
    List<String> lb = ReferenceZone.labelsFromRight(b);
    int k = 0;
    while (k < la.size() && k < lb.size() && la.get(k).equals(lb.get(k))) {
      k++;
    }
    return k;
  }
}
