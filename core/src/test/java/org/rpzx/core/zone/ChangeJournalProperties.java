package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Journals built from random zone histories against the full sets at every serial. */
class ChangeJournalProperties {

  /** A zone history: the full name set at each of several serials. */
  @Provide
  Arbitrary<List<Set<String>>> histories() {
    Arbitrary<Set<String>> state =
        Arbitraries.of("a", "b", "c", "d", "e", "x.a", "y.b", "z.c", "*.q", "m.n.o")
            .set()
            .ofMaxSize(10)
            .map(s -> (Set<String>) s);
    return state.list().ofMinSize(1).ofMaxSize(12);
  }

  private static ChangeSet diff(Set<String> from, Set<String> to, long fromSerial, long toSerial) {
    TreeSet<String> added = new TreeSet<>(CanonicalNameOrder.INSTANCE);
    added.addAll(to);
    added.removeAll(from);
    TreeSet<String> removed = new TreeSet<>(CanonicalNameOrder.INSTANCE);
    removed.addAll(from);
    removed.removeAll(to);
    return new ChangeSet(
        fromSerial, toSerial, toSerial, new ArrayList<>(added), new ArrayList<>(removed));
  }

  private static List<ChangeSet> changeSets(List<Set<String>> history, long start) {
    List<ChangeSet> out = new ArrayList<>();
    for (int i = 1; i < history.size(); i++) {
      out.add(
          diff(history.get(i - 1), history.get(i), Serial.add(start, i - 1), Serial.add(start, i)));
    }
    return out;
  }

  @Property
  void condenseEqualsTheDifferenceOfTheFullSets(
      @ForAll("histories") List<Set<String>> history,
      @ForAll @LongRange(min = 0, max = (1L << 32) - 1) long start,
      @ForAll @IntRange(min = 0, max = 11) int fromIndex) {
    List<ChangeSet> all = changeSets(history, start);
    if (all.isEmpty()) {
      return;
    }
    int from = Math.min(fromIndex, all.size() - 1);
    List<ChangeSet> chain = all.subList(from, all.size());
    ChangeSet net = ChangeJournal.condense(chain);
    ChangeSet expected =
        diff(
            history.get(from),
            history.get(history.size() - 1),
            chain.get(0).fromSerial(),
            chain.get(chain.size() - 1).toSerial());
    assertThat(net).isEqualTo(expected);
  }

  @Property
  void sinceGivesAChainThatLeadsToTheCurrentSet(
      @ForAll("histories") List<Set<String>> history,
      @ForAll @LongRange(min = 0, max = (1L << 32) - 1) long start,
      @ForAll @IntRange(min = 1, max = 6) int maxChangeSets) {
    ChangeJournal journal = ChangeJournal.empty(maxChangeSets, Long.MAX_VALUE);
    for (ChangeSet cs : changeSets(history, start)) {
      journal = journal.append(cs);
    }
    int last = history.size() - 1;
    long current = Serial.add(start, last);
    for (int i = 0; i <= last; i++) {
      long client = Serial.add(start, i);
      JournalQuery q = journal.since(client, current);
      if (i == last) {
        assertThat(q).isEqualTo(new JournalQuery.UpToDate(current));
      } else if (last - i <= maxChangeSets) {
        assertThat(q).isInstanceOf(JournalQuery.Changes.class);
        Set<String> zone = new TreeSet<>(history.get(i));
        long serial = client;
        for (ChangeSet cs : ((JournalQuery.Changes) q).changeSets()) {
          assertThat(cs.fromSerial()).isEqualTo(serial);
          zone.removeAll(cs.removed());
          zone.addAll(cs.added());
          serial = cs.toSerial();
        }
        assertThat(serial).isEqualTo(current);
        assertThat(zone).isEqualTo(new TreeSet<>(history.get(last)));
      } else {
        assertThat(q).isInstanceOf(JournalQuery.TooOld.class);
      }
    }
    assertThat(journal.size()).isLessThanOrEqualTo(maxChangeSets);
  }
}
