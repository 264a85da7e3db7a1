package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeJournalTest {

  private static ChangeSet cs(long from, long to, List<String> added, List<String> removed) {
    return new ChangeSet(from, to, to * 1000, added, removed);
  }

  private final ChangeJournal journal =
      ChangeJournal.empty(10, 1000)
          .append(cs(10, 11, List.of("a.com"), List.of()))
          .append(cs(11, 15, List.of("b.com"), List.of("a.com")))
          .append(cs(15, 16, List.of("c.com"), List.of()));

  @Test
  void answersUpToDateForTheCurrentOrANewerSerial() {
    assertThat(journal.since(16, 16)).isEqualTo(new JournalQuery.UpToDate(16));
    assertThat(journal.since(17, 16)).isEqualTo(new JournalQuery.UpToDate(16));
    assertThat(journal.since(16 + (1L << 31) - 1, 16)).isEqualTo(new JournalQuery.UpToDate(16));
  }

  @Test
  void answersTheChainFromAKnownSerial() {
    assertThat(journal.since(10, 16)).isEqualTo(new JournalQuery.Changes(journal.changeSets()));
    assertThat(journal.since(11, 16))
        .isEqualTo(new JournalQuery.Changes(journal.changeSets().subList(1, 3)));
    assertThat(journal.since(15, 16))
        .isEqualTo(new JournalQuery.Changes(journal.changeSets().subList(2, 3)));
  }

  @Test
  void answersTooOldForUnknownOrOlderSerials() {
    assertThat(journal.since(9, 16)).isEqualTo(new JournalQuery.TooOld(10));
    assertThat(journal.since(12, 16)).as("between serials").isEqualTo(new JournalQuery.TooOld(10));
    // exactly 2^31 away: neither newer nor older, and not in the journal
    assertThat(journal.since(16 + (1L << 31), 16)).isEqualTo(new JournalQuery.TooOld(10));
    // a journal that does not reach the current serial gives no chain
    assertThat(journal.since(10, 17)).isEqualTo(new JournalQuery.TooOld(10));
    assertThat(ChangeJournal.empty().since(3, 4)).isEqualTo(new JournalQuery.TooOld(4));
  }

  @Test
  void dropsTheOldestBeyondTheCountBound() {
    ChangeJournal j = ChangeJournal.empty(2, 1000);
    for (long s = 1; s <= 5; s++) {
      j = j.append(cs(s, s + 1, List.of("n" + s + ".com"), List.of()));
    }
    assertThat(j.size()).isEqualTo(2);
    assertThat(j.oldestSerial()).isEqualTo(4);
    assertThat(j.newestSerial()).isEqualTo(6);
    assertThat(j.bytes()).isEqualTo(2 * "n4.com".length());
    assertThat(j.since(3, 6)).isEqualTo(new JournalQuery.TooOld(4));
  }

  @Test
  void dropsTheOldestBeyondTheByteBound() {
    ChangeJournal j = ChangeJournal.empty(100, 20);
    j = j.append(cs(1, 2, List.of("aaaaaaaaaa"), List.of())); // 10
    j = j.append(cs(2, 3, List.of("bbbbbbbbbb"), List.of())); // 20
    assertThat(j.size()).isEqualTo(2);
    j = j.append(cs(3, 4, List.of("c"), List.of())); // 21 > 20: drop the first
    assertThat(j.size()).isEqualTo(2);
    assertThat(j.bytes()).isEqualTo(11);
    j = j.append(cs(4, 5, List.of("d".repeat(21)), List.of())); // alone too big
    assertThat(j.isEmpty()).isTrue();
    assertThat(j.bytes()).isZero();
    assertThat(j.since(4, 5)).isEqualTo(new JournalQuery.TooOld(5));
    // after emptying, appending starts afresh
    j = j.append(cs(5, 6, List.of("e"), List.of()));
    assertThat(j.since(5, 6)).isInstanceOf(JournalQuery.Changes.class);
  }

  @Test
  void appendingLeavesTheOriginalUnchanged() {
    ChangeJournal longer = journal.append(cs(16, 17, List.of("d.com"), List.of()));
    assertThat(journal.size()).isEqualTo(3);
    assertThat(longer.size()).isEqualTo(4);
  }

  @Test
  void rejectsGaps() {
    assertThatThrownBy(() -> journal.append(cs(17, 18, List.of(), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16");
    assertThatThrownBy(
            () ->
                ChangeJournal.of(
                    List.of(cs(1, 2, List.of(), List.of()), cs(3, 4, List.of(), List.of())),
                    10,
                    10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChangeJournal.condense(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void restoresWithBounds() {
    ChangeJournal restored = ChangeJournal.of(journal.changeSets(), 2, 1000);
    assertThat(restored.changeSets()).isEqualTo(journal.changeSets().subList(1, 3));
  }

  @Test
  void condensesAChain() {
    ChangeSet net = ChangeJournal.condense(journal.changeSets());
    assertThat(net.fromSerial()).isEqualTo(10);
    assertThat(net.toSerial()).isEqualTo(16);
    assertThat(net.epochMillis()).isEqualTo(16_000);
    assertThat(net.added()).containsExactly("b.com", "c.com"); // a.com came and went
    assertThat(net.removed()).isEmpty();
  }

  @Test
  void journalSerialsMayWrapAround() {
    long top = (1L << 32) - 1;
    ChangeJournal j =
        ChangeJournal.empty()
            .append(cs(top - 1, top, List.of("a.com"), List.of()))
            .append(cs(top, 3, List.of("b.com"), List.of()));
    assertThat(j.since(top - 1, 3)).isInstanceOf(JournalQuery.Changes.class);
    assertThat(j.since(3, 3)).isInstanceOf(JournalQuery.UpToDate.class);
    assertThat(ChangeJournal.condense(j.changeSets()).toSerial()).isEqualTo(3);
  }
}
