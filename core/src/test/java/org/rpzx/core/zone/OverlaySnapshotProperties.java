package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A snapshot reached by applying random change sequences to a base (overlay, compaction, rebase)
 * against a snapshot built afresh from the resulting names: same names, same lookups, same AXFR
 * walk (order, wire form, shared labels).
 */
class OverlaySnapshotProperties {

  private static final ZoneSettings SETTINGS = ZoneSettings.defaults();

  @Property(tries = 250)
  void overlaySnapshotEqualsRebuiltSnapshot(
      @ForAll("names") List<String> base,
      @ForAll("names") List<String> pool,
      @ForAll("seeds") long seed) {
    Random random = new Random(seed);
    TrieSnapshot snapshot = TrieSnapshot.of(SETTINGS, 1, base);
    TreeSet<String> model = new TreeSet<>(CanonicalNameOrder.INSTANCE);
    model.addAll(base);
    List<String> everSeen = new ArrayList<>(base);
    everSeen.addAll(pool);
    TrieSnapshot compactionSource = null;
    TrieSnapshot compacted = null;
    int steps = 1 + random.nextInt(8);
    for (int step = 0; step < steps; step++) {
      List<String> added = pick(random, everSeen, random.nextInt(6));
      List<String> removed =
          new ArrayList<>(pick(random, new ArrayList<>(model), random.nextInt(5)));
      removed.addAll(pick(random, pool, random.nextInt(2))); // maybe absent: no effect
      removed.removeAll(added);
      long from = snapshot.serial();
      snapshot = snapshot.apply(new ChangeSet(from, from + 1, 0, added, removed));
      model.removeAll(removed);
      model.addAll(added);
      if (compactionSource == null && random.nextInt(3) == 0) {
        compactionSource = snapshot; // a compaction starts here and finishes a few steps later
        compacted = snapshot.compacted();
        assertSame(compacted, model, everSeen);
      } else if (compactionSource != null && random.nextBoolean()) {
        snapshot = snapshot.rebasedOn(compactionSource, compacted);
        compactionSource = null;
      }
      assertSame(snapshot, model, everSeen);
    }
  }

  private static void assertSame(TrieSnapshot snapshot, TreeSet<String> model, List<String> seen) {
    TrieSnapshot fresh = TrieSnapshot.of(SETTINGS, snapshot.serial(), model);
    assertThat(snapshot.nameCount()).isEqualTo(model.size());
    NameCursor a = snapshot.cursor();
    NameCursor b = fresh.cursor();
    while (b.next()) {
      assertThat(a.next()).isTrue();
      assertThat(a.name()).isEqualTo(b.name());
      assertThat(a.labelCount()).isEqualTo(b.labelCount());
      assertThat(a.sharedSuffixLabels())
          .as("shared labels of %s", b.name())
          .isEqualTo(b.sharedSuffixLabels());
      assertThat(Arrays.copyOf(a.wire(), a.wireLength()))
          .isEqualTo(Arrays.copyOf(b.wire(), b.wireLength()));
    }
    assertThat(a.next()).isFalse();
    for (String n : seen) {
      assertThat(snapshot.contains(n)).as("contains %s", n).isEqualTo(model.contains(n));
    }
    List<String> queries = new ArrayList<>(seen);
    queries.addAll(ZoneArbitraries.queryNear(seen).sampleStream().limit(60).toList());
    for (String q : queries) {
      assertThat(snapshot.match(q)).as("match(%s) in %s", q, model).isEqualTo(fresh.match(q));
    }
    assertThat(snapshot.trie().sameLayout(fresh.trie())).isTrue();
  }

  private static List<String> pick(Random random, List<String> from, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n && !from.isEmpty(); i++) {
      out.add(from.get(random.nextInt(from.size())));
    }
    return out;
  }

  @Provide
  Arbitrary<List<String>> names() {
    return ZoneArbitraries.names(30);
  }

  @Provide
  Arbitrary<Long> seeds() {
    return net.jqwik.api.Arbitraries.longs();
  }
}
