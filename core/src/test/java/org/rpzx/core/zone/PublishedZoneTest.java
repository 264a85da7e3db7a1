package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PublishedZoneTest {

  private final ZoneSettings settings = ZoneSettings.defaults();

  private PublishedZone fresh() {
    return new PublishedZone(TrieSnapshot.empty(settings, 1), ChangeJournal.empty());
  }

  @Test
  void publishesAndJournalsTheEffectiveChange() {
    PublishedZone zone = fresh();
    List<Long> told = new ArrayList<>();
    zone.addListener((snapshot, changes) -> told.add(snapshot.serial()));

    ChangeSet first =
        zone.publish(new ChangeSet(1, 2, 0, List.of("b.com", "a.com"), List.of("gone.com")));
    assertThat(first.added()).containsExactly("a.com", "b.com");
    assertThat(first.removed()).isEmpty();
    zone.publish(new ChangeSet(2, 3, 0, List.of("a.com", "c.com"), List.of("b.com")));

    assertThat(zone.current().serial()).isEqualTo(3);
    assertThat(zone.current().trie().toList()).containsExactly("a.com", "c.com");
    assertThat(told).containsExactly(2L, 3L);
    assertThat(zone.changesSince(3)).isEqualTo(new JournalQuery.UpToDate(3));
    assertThat(zone.changesSince(0)).isEqualTo(new JournalQuery.TooOld(1));
    JournalQuery q = zone.changesSince(1);
    assertThat(q).isInstanceOf(JournalQuery.Changes.class);
    List<ChangeSet> chain = ((JournalQuery.Changes) q).changeSets();
    assertThat(chain.get(1).added()).containsExactly("c.com"); // a.com was already there
    assertThat(chain.get(1).removed()).containsExactly("b.com");
    assertThat(ChangeJournal.condense(chain).added()).containsExactly("a.com", "c.com");
  }

  /** A change prepared against the current snapshot is swapped in as built; a stale one again. */
  @Test
  void aPreparedChangeIsRebuiltOnlyWhenItsBasisMoved() {
    PublishedZone zone = fresh();
    zone.publish(new ChangeSet(1, 2, 0, List.of("a.com"), List.of()));
    TrieSnapshot basis = zone.current();
    ChangeSet reduced = basis.effectiveChanges(new ChangeSet(2, 3, 0, List.of("b.com"), List.of()));
    PreparedChange prepared = PreparedChange.of(basis, reduced);
    assertThat(zone.publish(prepared)).isSameAs(reduced);
    assertThat(zone.current()).isSameAs(prepared.next());
    assertThat(zone.current().contains("b.com")).isTrue();

    // prepared against a snapshot that is no longer current: reduced and applied again
    ChangeSet next =
        basis.effectiveChanges(new ChangeSet(2, 4, 0, List.of("b.com", "c.com"), List.of()));
    assertThatThrownBy(() -> zone.publish(PreparedChange.of(basis, next)))
        .as("checked against the current serial, not trusted")
        .isInstanceOf(IllegalArgumentException.class);
    ChangeSet restarted = new ChangeSet(3, 4, 0, List.of("b.com", "c.com"), List.of());
    PreparedChange stale = new PreparedChange(restarted, basis, basis);
    assertThat(zone.publish(stale).added()).containsExactly("c.com");
    assertThat(zone.current()).isNotSameAs(basis);
    assertThat(zone.current().contains("a.com") && zone.current().contains("c.com")).isTrue();
  }

  @Test
  void aRejectedChangeLeavesEverythingAsItWas() {
    PublishedZone zone = fresh();
    zone.publish(new ChangeSet(1, 2, 0, List.of("a.com"), List.of()));
    TrieSnapshot before = zone.current();
    ChangeJournal journalBefore = zone.journal();
    AtomicBoolean told = new AtomicBoolean();
    zone.addListener((s, c) -> told.set(true));

    assertThatThrownBy(() -> zone.publish(new ChangeSet(1, 3, 0, List.of("b.com"), List.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> zone.publish(new ChangeSet(2, 3, 0, List.of("b..com"), List.of())))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(zone.current()).isSameAs(before);
    assertThat(zone.journal()).isSameAs(journalBefore);
    assertThat(told).isFalse();
  }

  @Test
  void aFailingListenerDoesNotUndoThePublication() {
    PublishedZone zone = fresh();
    List<Long> second = new CopyOnWriteArrayList<>();
    zone.addListener(
        (s, c) -> {
          throw new IllegalStateException("boom");
        });
    zone.addListener((s, c) -> second.add(s.serial()));
    zone.publish(new ChangeSet(1, 2, 0, List.of("a.com"), List.of()));
    assertThat(zone.current().serial()).isEqualTo(2);
    assertThat(second).containsExactly(2L);
  }

  @Test
  void restoresFromSnapshotAndJournal() {
    ChangeJournal journal =
        ChangeJournal.empty().append(new ChangeSet(7, 8, 0, List.of("a.com"), List.of()));
    TrieSnapshot snapshot = TrieSnapshot.of(settings, 8, List.of("a.com"));
    PublishedZone zone = new PublishedZone(snapshot, journal);
    assertThat(zone.current()).isSameAs(snapshot);
    assertThat(zone.changesSince(7)).isInstanceOf(JournalQuery.Changes.class);

    assertThatThrownBy(() -> new PublishedZone(TrieSnapshot.empty(settings, 9), journal))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readersAlwaysSeeAConsistentSnapshotAndJournal() throws Exception {
    PublishedZone zone = fresh();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable reader =
        () -> {
          try {
            while (!stop.get()) {
              TrieSnapshot s = zone.current();
              // serial k holds names n1..n(k-1): count and content match the serial
              assertThat(s.nameCount()).isEqualTo((int) s.serial() - 1);
              if (s.serial() > 1) {
                assertThat(s.contains("n" + (s.serial() - 1) + ".com")).isTrue();
              }
              JournalQuery q = zone.changesSince(1);
              assertThat(q).isNotInstanceOf(JournalQuery.TooOld.class);
            }
          } catch (Throwable t) {
            failure.set(t);
          }
        };
    Thread[] readers = {new Thread(reader), new Thread(reader)};
    for (Thread t : readers) {
      t.start();
    }
    for (long s = 1; s < 300; s++) {
      zone.publish(new ChangeSet(s, s + 1, 0, List.of("n" + s + ".com"), List.of()));
    }
    stop.set(true);
    for (Thread t : readers) {
      t.join();
    }
    assertThat(failure.get()).isNull();
    assertThat(zone.current().nameCount()).isEqualTo(299);
  }
}
