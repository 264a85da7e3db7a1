package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link SortedLookup} answers as {@link LabelTrie#findNode}, whatever order the queries come in.
 */
class SortedLookupProperties {

  @Property(tries = 400)
  void findsWhatTheTrieFindsForQueriesInCanonicalOrder(@ForAll("namesAndQueries") Case c) {
    List<String> queries = new ArrayList<>(c.queries());
    queries.sort(CanonicalNameOrder.INSTANCE);
    assertSameAnswers(LabelTrie.of(c.names()), queries);
  }

  @Property(tries = 400)
  void findsWhatTheTrieFindsForQueriesInAnyOrder(@ForAll("namesAndQueries") Case c) {
    assertSameAnswers(LabelTrie.of(c.names()), c.queries());
  }

  @Example
  void manySiblingsAreFoundByStepsAndByBisection() {
    // 5000 names under one TLD: dense queries step, sparse ones bisect past MAX_STEPS
    List<String> names = IntStream.range(0, 5000).mapToObj(i -> "n" + i + ".com").toList();
    LabelTrie trie = LabelTrie.of(names);
    List<String> dense = new ArrayList<>();
    List<String> sparse = new ArrayList<>();
    for (int i = 0; i < 5000; i += 3) {
      dense.add("n" + i + ".com");
      dense.add("n" + i + "x.com");
      if (i % 999 == 0) {
        sparse.add("n" + i + ".com");
        sparse.add("www.n" + i + ".com");
      }
    }
    dense.sort(CanonicalNameOrder.INSTANCE);
    sparse.sort(CanonicalNameOrder.INSTANCE);
    assertSameAnswers(trie, dense);
    assertSameAnswers(trie, sparse);
    SortedLookup lookup = new SortedLookup(trie);
    assertThat(dense.stream().filter(lookup::contains).count()).isEqualTo(1667);
  }

  private static void assertSameAnswers(LabelTrie trie, List<String> queries) {
    SortedLookup lookup = new SortedLookup(trie);
    for (String q : queries) {
      assertThat(lookup.findNode(q)).as(q).isEqualTo(trie.findNode(q));
      assertThat(lookup.contains(q)).as(q).isEqualTo(trie.contains(q));
    }
  }

  record Case(List<String> names, List<String> queries) {}

  @Provide
  Arbitrary<Case> namesAndQueries() {
    return ZoneArbitraries.names(80)
        .flatMap(
            names ->
                Combinators.combine(
                        Arbitraries.just(names),
                        ZoneArbitraries.queryNear(names).list().ofMaxSize(80))
                    .as(Case::new));
  }
}
