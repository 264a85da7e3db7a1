package org.rpzx.core.zone;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served zone: one atomic reference to an immutable (snapshot, journal) pair. Readers ({@link
 * #current()}, {@link #changesSince}) never lock and always see a snapshot and a journal that
 * belong together. One writer {@link #publish}es change sets: it builds the next snapshot and
 * journal off to the side and swaps them in at once; readers still holding the old snapshot keep a
 * consistent zone.
 *
 * <p>A publish costs in proportion to the change (the snapshot's overlay is rebuilt, its base
 * shared). When the overlay has grown past its bound, a background thread folds it into a new base
 * and swaps in an equivalent snapshot at the same serial, rebased onto the new base if more change
 * sets were published meanwhile; listeners are not told, as the zone did not change.
 */
public final class PublishedZone implements ZoneView {

  private static final Logger log = LoggerFactory.getLogger(PublishedZone.class);

  /** A snapshot and the journal that ends at its serial. */
  private record State(TrieSnapshot snapshot, ChangeJournal journal) {}

  private final AtomicReference<State> state;
  private final List<ZoneListener> listeners = new CopyOnWriteArrayList<>();

  private final List<Consumer<TrieSnapshot>> compactionListeners = new CopyOnWriteArrayList<>();

  /** The running compaction, if any (guarded by this). */
  private Thread compaction;

  /**
   * A zone restored from a snapshot and the journal leading up to it (at start-up, from the store),
   * or a fresh one from {@code TrieSnapshot.empty(settings, serial)} and {@code
   * ChangeJournal.empty()}.
   *
   * @throws IllegalArgumentException if the journal is not empty and does not end at the snapshot's
   *     serial
   */
  public PublishedZone(TrieSnapshot snapshot, ChangeJournal journal) {
    Objects.requireNonNull(snapshot);
    Objects.requireNonNull(journal);
    if (!journal.isEmpty() && journal.newestSerial() != snapshot.serial()) {
      throw new IllegalArgumentException(
          "journal ends at serial "
              + journal.newestSerial()
              + ", snapshot is "
              + snapshot.serial());
    }
    state = new AtomicReference<>(new State(snapshot, journal));
  }

  /**
   * Applies {@code changes} (which must start at the current serial) and makes the result current:
   * the effective change (see {@link TrieSnapshot#effectiveChanges}) is journaled, the new snapshot
   * and journal replace the old ones atomically, then listeners are told. For the single writer;
   * synchronized so that a second one cannot lose an update. Nothing changes if it throws.
   *
   * @return the effective change set, as journaled (what the store should persist)
   * @throws IllegalArgumentException if the change set does not fit the current zone
   */
  public synchronized ChangeSet publish(ChangeSet changes) {
    State old = state.get();
    return apply(old, old.snapshot().effectiveChanges(changes));
  }

  /**
   * As {@link #publish(ChangeSet)}, for a change set the caller reduced and applied ahead ({@link
   * PreparedChange#of}): when its basis is still the current snapshot (nothing published or
   * compacted since), its next snapshot is swapped in as it is; otherwise it starts over.
   */
  public synchronized ChangeSet publish(PreparedChange prepared) {
    State old = state.get();
    if (old.snapshot() != prepared.basis()) {
      return apply(old, old.snapshot().effectiveChanges(prepared.effective()));
    }
    return apply(old, prepared.effective(), prepared.next());
  }

  private ChangeSet apply(State old, ChangeSet effective) {
    return apply(old, effective, old.snapshot().applyEffective(effective));
  }

  private ChangeSet apply(State old, ChangeSet effective, TrieSnapshot next) {
    ChangeJournal journal = old.journal().append(effective);
    state.set(new State(next, journal));
    if (next.wantsCompaction() && compaction == null) {
      compaction = new Thread(() -> compact(next), "rpzx-zone-compaction");
      compaction.setDaemon(true);
      compaction.setPriority(Thread.MIN_PRIORITY); // background work: queries come first
      compaction.start();
    }
    for (ZoneListener listener : listeners) {
      try {
        listener.published(next, effective);
      } catch (RuntimeException e) {
        log.warn("zone listener failed on serial {}", next.serial(), e);
      }
    }
    return effective;
  }

  /**
   * Folds the overlay of {@code source} into a new base off the writer's path, then swaps it in.
   */
  private void compact(TrieSnapshot source) {
    try {
      long started = System.nanoTime();
      TrieSnapshot compacted = source.compacted();
      synchronized (this) {
        State s = state.get();
        TrieSnapshot rebased = s.snapshot().rebasedOn(source, compacted);
        if (rebased != null) {
          state.set(new State(rebased, s.journal()));
        }
        log.debug(
            "zone compacted at serial {} in {} ms; serial {} now has an overlay of {}",
            source.serial(),
            (System.nanoTime() - started) / 1_000_000,
            s.snapshot().serial(),
            rebased == null ? -1 : rebased.overlaySize());
      }
      for (Consumer<TrieSnapshot> l : compactionListeners) {
        try {
          l.accept(compacted);
        } catch (RuntimeException e) {
          log.warn("compaction listener failed at serial {}", compacted.serial(), e);
        }
      }
    } catch (RuntimeException e) {
      log.warn("zone compaction failed; the overlay stays", e);
    } finally {
      synchronized (this) {
        compaction = null;
      }
    }
  }

  /**
   * Registers {@code listener} for each compacted snapshot (one trie, no overlay, at the serial it
   * was folded at), called on the compaction thread after the swap: e.g. to save it as the zone
   * image.
   */
  public void addCompactionListener(Consumer<TrieSnapshot> listener) {
    compactionListeners.add(Objects.requireNonNull(listener));
  }

  /** Waits for a running compaction to finish (for tests). */
  void awaitCompaction() throws InterruptedException {
    Thread t;
    synchronized (this) {
      t = compaction;
    }
    if (t != null) {
      t.join();
    }
  }

  @Override
  public TrieSnapshot current() {
    return state.get().snapshot();
  }

  /** The journal that ends at the current snapshot. */
  public ChangeJournal journal() {
    return state.get().journal();
  }

  @Override
  public JournalQuery changesSince(long clientSerial) {
    State s = state.get();
    return s.journal().since(clientSerial, s.snapshot().serial());
  }

  public void addListener(ZoneListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  public void removeListener(ZoneListener listener) {
    listeners.remove(listener);
  }
}
