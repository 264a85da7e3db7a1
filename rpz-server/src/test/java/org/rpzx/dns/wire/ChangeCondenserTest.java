package org.rpzx.dns.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.rpzx.core.zone.ChangeSet;

class ChangeCondenserTest {

  @Test
  void addThenRemoveCancels() {
    List<ChangeSet> sets =
        List.of(
            new ChangeSet(1, 2, 0, List.of("a.example", "b.example"), List.of("old.example")),
            new ChangeSet(2, 3, 0, List.of("old.example"), List.of("a.example")));
    List<ChangeSet> c = ChangeCondenser.condense(sets);
    assertThat(c).hasSize(1);
    assertThat(c.get(0).fromSerial()).isEqualTo(1);
    assertThat(c.get(0).toSerial()).isEqualTo(3);
    assertThat(c.get(0).added()).containsExactly("b.example");
    assertThat(c.get(0).removed()).isEmpty();
  }

  /** Applying the condensed difference gives the same zone as applying every change set. */
  @Property(tries = 200)
  void condensedEqualsSequential(@ForAll long seed) {
    Random r = new Random(seed);
    Set<String> zone = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      if (r.nextBoolean()) {
        zone.add("n" + i + ".example");
      }
    }
    Set<String> start = new HashSet<>(zone);
    List<ChangeSet> sets = new ArrayList<>();
    for (int s = 0; s < 1 + r.nextInt(6); s++) {
      List<String> added = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String n = "n" + i + ".example";
        if (r.nextInt(3) == 0) {
          if (zone.contains(n)) {
            removed.add(n);
          } else {
            added.add(n);
          }
        }
      }
      zone.removeAll(removed);
      zone.addAll(added);
      added.sort(CanonicalNameOrder.INSTANCE);
      removed.sort(CanonicalNameOrder.INSTANCE);
      sets.add(new ChangeSet(100 + s, 101 + s, 0, added, removed));
    }
    Set<String> applied = new HashSet<>(start);
    for (ChangeSet c : ChangeCondenser.condense(sets)) {
      assertThat(c.added()).noneMatch(start::contains);
      assertThat(c.removed()).allMatch(start::contains);
      applied.removeAll(c.removed());
      applied.addAll(c.added());
    }
    assertThat(applied).isEqualTo(zone);
  }
}
