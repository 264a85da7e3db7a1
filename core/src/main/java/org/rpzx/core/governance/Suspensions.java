package org.rpzx.core.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.GovernanceStore;
import org.rpzx.core.store.InstitutionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suspension with an optional purge (SPEC §8): without a purge an institution's entries keep their
 * own expiry; with one, the suspension and the removal of the institution's part in every entry are
 * one store transaction, and the names nobody else supports leave the zone in one change set (one
 * serial). Names another institution still supports stay, with the expiry that institution's
 * submissions give them. The institution's source rows go; its submission records stay.
 */
public final class Suspensions {

  private static final Logger LOG = LoggerFactory.getLogger(Suspensions.class);

  private final Database db;
  private final Directory directory;
  private final ZoneMaintainer maintainer;
  private final Clock clock;
  private final Duration entryLifetime;
  private final Duration publishWait;

  public Suspensions(
      Database db,
      Directory directory,
      ZoneMaintainer maintainer,
      Clock clock,
      Duration entryLifetime,
      Duration publishWait) {
    this.db = db;
    this.directory = directory;
    this.maintainer = maintainer;
    this.clock = clock;
    this.entryLifetime = entryLifetime;
    this.publishWait = publishWait;
  }

  /**
   * Suspends {@code name} until {@code until} (null: until resumed) quoting {@code reason}; with
   * {@code purge}, also removes its entries and waits (bounded) until the zone no longer has them.
   */
  public Mutation<Suspension> suspend(String name, Instant until, String reason, boolean purge) {
    if (!purge) {
      Mutation<Institution> m = directory.suspend(name, until, reason);
      return m instanceof Mutation.Done<Institution> d
          ? new Mutation.Done<>(new Suspension(d.value(), null, null))
          : refusal(m);
    }
    Optional<String> problem = directory.suspensionProblem(until, reason);
    if (problem.isPresent()) {
      return new Mutation.Invalid<>(problem.get());
    }
    long now = clock.millis();
    record Purged(Institution institution, int names) {}
    Mutation<Purged> done =
        db.inTransaction(
            c -> {
              Optional<Institution> inst =
                  InstitutionStore.byName(c, name == null ? "" : name.strip());
              if (inst.isEmpty()) {
                return new Mutation.NotFound<>("no institution named " + name);
              }
              long id = inst.get().id();
              InstitutionStore.suspend(c, id, until, reason.strip());
              int purged = GovernanceStore.purgeInstitution(c, id, now, entryLifetime.toMillis());
              return new Mutation.Done<>(
                  new Purged(InstitutionStore.byId(c, id).orElseThrow(), purged));
            });
    if (!(done instanceof Mutation.Done<Purged> d)) {
      return refusal(done);
    }
    Purged p = d.value();
    LOG.info("institution suspended; {} names purged", p.names());
    Long serial = p.names() > 0 ? awaitPublication() : null;
    return new Mutation.Done<>(new Suspension(p.institution(), p.names(), serial));
  }

  /** The purge is stored either way; waiting only makes the answer mean "out of the zone". */
  private Long awaitPublication() {
    try {
      return maintainer.requestPublish().get(publishWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("purge stored; zone publication still pending: {}", e.toString());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The same refusal for another value type. */
  private static Mutation<Suspension> refusal(Mutation<?> m) {
    if (m instanceof Mutation.NotFound<?> n) {
      return new Mutation.NotFound<>(n.message());
    }
    if (m instanceof Mutation.Conflict<?> c) {
      return new Mutation.Conflict<>(c.message());
    }
    if (m instanceof Mutation.Invalid<?> i) {
      return new Mutation.Invalid<>(i.message());
    }
    throw new IllegalArgumentException("not a refusal: " + m);
  }
}
