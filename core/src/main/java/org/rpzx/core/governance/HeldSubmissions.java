package org.rpzx.core.governance;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.name.EntryValidator;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.SubmissionStore;
import org.rpzx.core.store.SubmissionStore.SubmissionRow;
import org.rpzx.core.submission.SubmissionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's review of submissions the plausibility guard held: release (apply) or discard. A
 * released submission's names enter the zone in one change set as if submitted at the release:
 * their lifetime starts then, so a submission held over a weekend still gets its full lifetime. The
 * names are checked again against the entry rules in force at the release (a name confirmed as a
 * false positive meanwhile must not enter). Thread-safe.
 */
public final class HeldSubmissions {

  private static final Logger LOG = LoggerFactory.getLogger(HeldSubmissions.class);

  private final Database db;
  private final Supplier<EntryValidator> validator;
  private final ZoneMaintainer maintainer;
  private final Clock clock;
  private final Duration entryLifetime;
  private final Duration publishWait;

  public HeldSubmissions(
      Database db,
      Supplier<EntryValidator> validator,
      ZoneMaintainer maintainer,
      Clock clock,
      Duration entryLifetime,
      Duration publishWait) {
    this.db = db;
    this.validator = validator;
    this.maintainer = maintainer;
    this.clock = clock;
    this.entryLifetime = entryLifetime;
    this.publishWait = publishWait;
  }

  /** Applies held submission {@code id}; a submission that is not held is a conflict. */
  public Mutation<Release> release(long id) {
    Optional<List<String>> names =
        db.read(
            c ->
                SubmissionStore.row(c, id).isPresent()
                    ? Optional.of(SubmissionStore.acceptedNames(c, id))
                    : Optional.empty());
    if (names.isEmpty()) {
      return new Mutation.NotFound<>("no submission " + id);
    }
    EntryValidator rules = validator.get();
    LinkedHashSet<String> valid = new LinkedHashSet<>();
    for (String name : names.get()) {
      if (rules.validate(name) instanceof LineOutcome.Accepted a) {
        valid.add(a.name());
      }
    }
    int dropped = names.get().size() - valid.size();
    long now = clock.millis();
    Mutation<SubmissionRow> done =
        db.inTransaction(
            c -> {
              Optional<SubmissionRow> row = SubmissionStore.row(c, id);
              if (row.isEmpty()) {
                return new Mutation.NotFound<>("no submission " + id);
              }
              if (!SubmissionStore.changeStatus(
                  c, id, SubmissionStatus.HELD, SubmissionStatus.APPLIED, now)) {
                return notHeld(row.get());
              }
              EntryStore.recordSubmission(
                  c, valid, row.get().institutionId(), now, now + entryLifetime.toMillis());
              return new Mutation.Done<>(SubmissionStore.row(c, id).orElseThrow());
            });
    if (!(done instanceof Mutation.Done<SubmissionRow> d)) {
      return refusal(done);
    }
    LOG.info(
        "held submission {} released: {} names applied, {} dropped", id, valid.size(), dropped);
    Long serial = valid.isEmpty() ? null : awaitPublication(id);
    return new Mutation.Done<>(new Release(d.value(), valid.size(), dropped, serial));
  }

  /** Drops held submission {@code id} for good; its names are never applied. */
  public Mutation<SubmissionRow> discard(long id) {
    long now = clock.millis();
    Mutation<SubmissionRow> done =
        db.inTransaction(
            c -> {
              Optional<SubmissionRow> row = SubmissionStore.row(c, id);
              if (row.isEmpty()) {
                return new Mutation.NotFound<>("no submission " + id);
              }
              if (!SubmissionStore.changeStatus(
                  c, id, SubmissionStatus.HELD, SubmissionStatus.DISCARDED, now)) {
                return notHeld(row.get());
              }
              return new Mutation.Done<>(SubmissionStore.row(c, id).orElseThrow());
            });
    if (done instanceof Mutation.Done) {
      LOG.info("held submission {} discarded", id);
    }
    return done;
  }

  private static <T> Mutation<T> notHeld(SubmissionRow row) {
    return new Mutation.Conflict<>(
        "submission " + row.id() + " is not held for review (it is " + row.status().code() + ")");
  }

  private Long awaitPublication(long id) {
    try {
      return maintainer.requestPublish().get(publishWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("submission {} released; zone publication still pending: {}", id, e.toString());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static Mutation<Release> refusal(Mutation<SubmissionRow> m) {
    if (m instanceof Mutation.NotFound<SubmissionRow> n) {
      return new Mutation.NotFound<>(n.message());
    }
    if (m instanceof Mutation.Conflict<SubmissionRow> c) {
      return new Mutation.Conflict<>(c.message());
    }
    return new Mutation.Invalid<>(((Mutation.Invalid<SubmissionRow>) m).message());
  }
}
