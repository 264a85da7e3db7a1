package org.rpzx.dns.testzone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.rpzx.core.zone.ChangeSet;
import org.rpzx.core.zone.JournalQuery;
import org.rpzx.core.zone.Serial;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneView;

/** A {@link ZoneView} for tests: publishes {@link TestSnapshot}s and keeps a journal. */
public final class TestZone implements ZoneView {

  private final AtomicReference<TestSnapshot> current;
  private final List<ChangeSet> journal = new CopyOnWriteArrayList<>();

  public TestZone(ZoneSettings settings, long serial, Collection<String> names) {
    current = new AtomicReference<>(new TestSnapshot(serial, settings, names));
  }

  public static TestZone of(long serial, String... names) {
    return new TestZone(ZoneSettings.defaults(), serial, List.of(names));
  }

  @Override
  public TestSnapshot current() {
    return current.get();
  }

  /** Applies a change as the next serial and journals it; returns the new snapshot. */
  public synchronized TestSnapshot publish(Collection<String> added, Collection<String> removed) {
    TestSnapshot old = current.get();
    Set<String> names = new TreeSet<>(TestSnapshot.CANONICAL);
    names.addAll(old.names());
    names.removeAll(removed);
    names.addAll(added);
    long serial = Serial.add(old.serial(), 1);
    List<String> a = new ArrayList<>(added);
    List<String> r = new ArrayList<>(removed);
    a.sort(TestSnapshot.CANONICAL);
    r.sort(TestSnapshot.CANONICAL);
    journal.add(new ChangeSet(old.serial(), serial, System.currentTimeMillis(), a, r));
    TestSnapshot next = new TestSnapshot(serial, old.settings(), names);
    current.set(next);
    return next;
  }

  /** Forgets journal entries older than {@code keep} change sets from the end. */
  public synchronized void truncateJournal(int keep) {
    while (journal.size() > keep) {
      journal.remove(0);
    }
  }

  @Override
  public JournalQuery changesSince(long clientSerial) {
    TestSnapshot snap = current.get();
    List<ChangeSet> all = List.copyOf(journal);
    if (clientSerial == snap.serial() || Serial.isNewer(clientSerial, snap.serial())) {
      return new JournalQuery.UpToDate(snap.serial());
    }
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).fromSerial() == clientSerial) {
        return new JournalQuery.Changes(all.subList(i, all.size()));
      }
    }
    return new JournalQuery.TooOld(all.isEmpty() ? snap.serial() : all.get(0).fromSerial());
  }
}
