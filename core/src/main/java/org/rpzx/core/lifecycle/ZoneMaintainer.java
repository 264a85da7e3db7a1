package org.rpzx.core.lifecycle;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.StoreException;
import org.rpzx.core.store.UnderivedSubmissions;
import org.rpzx.core.store.ZoneStore;
import org.rpzx.core.zone.CanonicalList;
import org.rpzx.core.zone.ChangeSet;
import org.rpzx.core.zone.NameKeys;
import org.rpzx.core.zone.NameListCodec;
import org.rpzx.core.zone.PreparedChange;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.Serial;
import org.rpzx.core.zone.TrieSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the zone. It finds entries whose expiry and {@code in_zone} disagree, and
 * turns them into one change set: new serial, journal row and {@code in_zone} flags in one store
 * transaction, then the in-memory snapshot. Publication is leading-edge coalesced: the first change
 * after a quiet period is published at once, later ones wait until {@code coalesceWindow} after the
 * previous serial, so a burst makes one serial and not a NOTIFY storm.
 */
public final class ZoneMaintainer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ZoneMaintainer.class);

  /** Names in a change set from which its snapshot and journal blobs are built on another core. */
  static final int PREPARE_AHEAD_FROM = 50_000;

  private final Database db;
  private final PublishedZone zone;
  private final Clock clock;
  private final LifecycleSettings settings;
  private final ScheduledExecutorService executor;

  /**
   * Saves an image of the zone every {@code imageEvery} publications (a quarter of the journal's
   * change sets), off the publishing thread, so that a start after a crash always finds one the
   * journal still reaches (ADR 0011); compactions and a clean stop save one as well.
   */
  private final ThreadPoolExecutor imageSaver;

  private final int imageEvery;
  private final AtomicInteger publicationsSinceImage = new AtomicInteger();

  private final Object lock = new Object();
  private List<CompletableFuture<Long>> waiting = new ArrayList<>();
  private boolean scheduled;
  private long lastPublishNanos = System.nanoTime() - Long.MAX_VALUE / 4;

  public ZoneMaintainer(Database db, PublishedZone zone, Clock clock, LifecycleSettings settings) {
    this.db = db;
    this.zone = zone;
    this.clock = clock;
    this.settings = settings;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder()
                .setNameFormat("rpzx-zone-maintainer")
                .setDaemon(true)
                .build());
    zone.addCompactionListener(compacted -> ZoneImages.save(db, compacted, clock));
    this.imageEvery = Math.max(1, settings.journalMaxChangeSets() / 4);
    this.imageSaver =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1),
            new ThreadFactoryBuilder()
                .setNameFormat("rpzx-zone-image")
                .setDaemon(true)
                .setPriority(Thread.MIN_PRIORITY) // background work: queries come first
                .build(),
            new ThreadPoolExecutor.DiscardPolicy()); // one waiting save is enough
  }

  /** Publishes what is pending now, then sweeps for expiries every {@code sweepInterval}. */
  public void start() {
    long every = settings.sweepInterval().toMillis();
    executor.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Asks for pending changes to be published. The future completes with the zone's serial once a
   * publication that started after this call has finished (or fails if it could not be stored).
   */
  public CompletableFuture<Long> requestPublish() {
    CompletableFuture<Long> done = new CompletableFuture<>();
    synchronized (lock) {
      waiting.add(done);
      if (!scheduled) {
        scheduled = true;
        long sinceLast = System.nanoTime() - lastPublishNanos;
        long delay = Math.max(0, settings.coalesceWindow().toNanos() - sinceLast);
        executor.schedule(this::runRequested, delay, TimeUnit.NANOSECONDS);
      }
    }
    return done;
  }

  private void runRequested() {
    List<CompletableFuture<Long>> batch;
    synchronized (lock) {
      batch = waiting;
      waiting = new ArrayList<>();
      scheduled = false;
      lastPublishNanos = System.nanoTime();
    }
    try {
      publishNow();
      long serial = zone.current().serial();
      batch.forEach(f -> f.complete(serial));
    } catch (RuntimeException e) {
      LOG.warn("zone publication failed, will retry: {}", e.getMessage());
      batch.forEach(f -> f.completeExceptionally(e));
    }
  }

  private void sweep() {
    try {
      if (publishNow().isPresent()) {
        synchronized (lock) {
          lastPublishNanos = System.nanoTime();
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("expiry sweep failed, will retry: {}", e.getMessage());
    }
  }

  /**
   * Publishes everything pending at this instant as one change set, if anything is. Runs on the
   * maintainer thread in service; tests may call it directly when the maintainer is not started.
   */
  public Optional<ChangeSet> publishNow() {
    long now = clock.millis();
    TrieSnapshot basis = zone.current();
    Staged staged =
        db.inTransaction(
            c -> {
              List<String> added = sorted(EntryStore.pendingAdditions(c, now));
              List<String> removed = sorted(EntryStore.pendingRemovals(c, now));
              if (added.isEmpty() && removed.isEmpty()) {
                return null;
              }
              return stage(
                  c,
                  basis,
                  now,
                  added,
                  removed,
                  conn -> EntryStore.markPublished(conn, now), // while the next snapshot builds
                  null);
            });
    return staged == null ? Optional.empty() : Optional.of(publish(staged));
  }

  /**
   * Applies a large submission directly (ADR 0012): its store work and the publication of its names
   * in one transaction, the new snapshot, then the future completes (the submitter may
   * acknowledge), and only then are its entry rows written, still under the store's write lock, so
   * that no other writer sees the zone ahead of the entries. The future fails if the first
   * transaction did.
   */
  public <R> CompletableFuture<R> applyDirectly(DirectSubmission<R> work) {
    CompletableFuture<R> done = new CompletableFuture<>();
    try {
      executor.execute(() -> db.exclusively(() -> runDirect(work, done)));
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(new StoreException("the zone maintainer has stopped", e));
    }
    return done;
  }

  private <R> void runDirect(DirectSubmission<R> work, CompletableFuture<R> done) {
    DirectSubmission.Stored<R> stored;
    Direct<R> direct;
    try {
      long now = clock.millis();
      TrieSnapshot basis = zone.current();
      direct =
          db.inTransaction(
              c -> {
                DirectSubmission.Stored<R> s = work.store(c);
                Staged staged =
                    s.added().isEmpty()
                        ? null
                        : stage(c, basis, now, s.added(), List.of(), s.finish(), s.encodedAdded());
                if (s.added().isEmpty()) {
                  s.finish().run(c); // else stage ran it
                }
                return new Direct<>(s, staged);
              });
      stored = direct.stored();
    } catch (RuntimeException e) {
      done.completeExceptionally(e); // nothing was stored
      return;
    }
    if (direct.staged() != null) {
      try {
        publish(direct.staged());
      } catch (RuntimeException e) {
        // committed: the submission stands (as for publishNow's callers); the store has it all
        LOG.error("zone publication after a stored submission failed: {}", e.toString());
      }
    }
    done.complete(stored.result());
    if (stored.underived() != null) {
      long started = System.nanoTime();
      try {
        db.inTransaction(
            c -> {
              UnderivedSubmissions.derive(
                  c, stored.underived(), EntryStore.sortedForStore(stored.added()));
              return null;
            });
        LOG.info(
            "submission {}: {} entry rows written in {} ms",
            stored.underived().submissionId(),
            stored.added().size(),
            (System.nanoTime() - started) / 1_000_000);
      } catch (RuntimeException e) {
        // Whatever the store writes next (a publication, a delisting, another submission) writes
        // them first, so no later write can see the zone ahead of the entries.
        db.owe(UnderivedSubmissions::deriveAll);
        LOG.warn(
            "submission {}: writing its entry rows failed; the next write will: {}",
            stored.underived().submissionId(),
            e.getMessage());
      }
    }
  }

  /**
   * In the transaction: the change set from the stored serial, its journal row and the new serial;
   * for a large change, the next snapshot and the journal blobs are built on another core while
   * {@code meanwhile} runs. {@code encodedAdded}, if not null, is an encoding of {@code added}
   * being made elsewhere: the journal row takes it when the change adds exactly those names. Null
   * if the change reduces to nothing against {@code basis}.
   */
  private Staged stage(
      Connection c,
      TrieSnapshot basis,
      long now,
      List<String> added,
      List<String> removed,
      DirectSubmission.Finish meanwhile,
      CompletableFuture<byte[]> encodedAdded)
      throws SQLException {
    long from = ZoneStore.serial(c).orElseThrow();
    long to = Serial.next(from, Math.floorDiv(now, 1000));
    // Persist exactly what the snapshot will apply (the single writer holds it still).
    ChangeSet cs = basis.effectiveChanges(new ChangeSet(from, to, now, added, removed));
    boolean ahead = !cs.isEmpty() && cs.added().size() + cs.removed().size() >= PREPARE_AHEAD_FROM;
    CompletableFuture<PreparedChange> prepared =
        ahead ? CompletableFuture.supplyAsync(() -> PreparedChange.of(basis, cs)) : null;
    // added.size() counts duplicates and names present: equal only if the change is all of added
    boolean sameNames =
        encodedAdded != null && cs.removed().isEmpty() && cs.added().size() == added.size();
    CompletableFuture<byte[][]> blobs =
        !ahead
            ? CompletableFuture.completedFuture(null)
            : sameNames
                ? encodedAdded.thenApply(a -> new byte[][] {a, NameListCodec.encode(List.of())})
                : CompletableFuture.supplyAsync(() -> journalBlobs(cs));
    meanwhile.run(c);
    if (cs.isEmpty()) {
      return null; // flags were out of step with the snapshot; no new serial needed
    }
    ZoneStore.setSerial(c, to, now);
    byte[][] encoded = blobs.join();
    if (encoded == null) {
      ZoneStore.appendJournal(c, cs);
    } else {
      ZoneStore.appendJournal(c, cs, encoded[0], encoded[1]);
    }
    ZoneStore.trimJournal(c, settings.journalMaxChangeSets(), settings.journalMaxBytes());
    return new Staged(cs, prepared);
  }

  /** After the commit: the new snapshot (prepared if it was), and an image now and then. */
  private ChangeSet publish(Staged staged) {
    ChangeSet change = staged.change();
    PreparedChange ready = staged.prepared() == null ? null : preparedOrNull(staged.prepared());
    if (ready != null) {
      zone.publish(ready); // already reduced and applied against basis: not again, unless it moved
    } else {
      zone.publish(change);
    }
    LOG.info(
        "zone serial {}: +{} -{} names",
        change.toSerial(),
        change.added().size(),
        change.removed().size());
    if (publicationsSinceImage.incrementAndGet() >= imageEvery) {
      publicationsSinceImage.set(0);
      imageSaver.execute(() -> ZoneImages.save(db, zone.current(), clock));
    }
    return change;
  }

  /**
   * A large change's publication work against the current zone, with nothing stored or published:
   * its reduction, the next snapshot and the journal's encodings, all discarded. For the JIT
   * warm-up at start ({@link org.rpzx.core.submission.SubmissionRehearsal}); safe beside the
   * maintainer's own work, as it only reads the published snapshot.
   *
   * @param added names in canonical order
   * @return how many of them the change would add
   */
  public int rehearse(List<String> added) {
    TrieSnapshot basis = zone.current();
    long from = basis.serial();
    long now = clock.millis();
    ChangeSet cs =
        basis.effectiveChanges(
            new ChangeSet(
                from, Serial.next(from, Math.floorDiv(now, 1000)), now, added, List.of()));
    if (cs.isEmpty()) {
      return 0;
    }
    PreparedChange.of(basis, cs);
    journalBlobs(cs);
    return cs.added().size();
  }

  /** What a direct submission's transaction hands to its publication. */
  private record Direct<R>(DirectSubmission.Stored<R> stored, Staged staged) {}

  /** What the transaction hands to the publication after it committed. */
  private record Staged(ChangeSet change, CompletableFuture<PreparedChange> prepared) {}

  private static byte[][] journalBlobs(ChangeSet cs) {
    return new byte[][] {NameListCodec.encode(cs.added()), NameListCodec.encode(cs.removed())};
  }

  /** The prepared change, or null (then the publication builds it itself) if that failed. */
  private static PreparedChange preparedOrNull(CompletableFuture<PreparedChange> prepared) {
    try {
      return prepared.join();
    } catch (RuntimeException e) {
      LOG.warn("preparing the next snapshot failed; building it again: {}", e.toString());
      return null;
    }
  }

  /** Canonical order; the key radix sort pays off only for large change sets. */
  private static List<String> sorted(List<String> names) {
    if (names.size() < 10_000) {
      return CanonicalList.sortedCopy(names);
    }
    return NameKeys.sortedCanonically(names);
  }

  /** Stops publishing; after a clean stop, saves the zone image for the next start (ADR 0011). */
  @Override
  public void close() {
    executor.shutdown();
    imageSaver.shutdown();
    try {
      if (executor.awaitTermination(10, TimeUnit.SECONDS)
          && imageSaver.awaitTermination(30, TimeUnit.SECONDS)) {
        ZoneImages.save(db, zone.current(), clock);
      } else {
        executor.shutdownNow();
        imageSaver.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      imageSaver.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
