package org.rpzx.core.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.name.RejectReason;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.GovernanceStore;
import org.rpzx.core.store.GovernanceStore.QualityCounts;
import org.rpzx.core.store.InstitutionStore;

/** Computes {@link QualityStats} from the stored submission records. Thread-safe. */
public final class QualityReport {

  /** The default window of {@code rpzx institution stats}. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

  private final Database db;
  private final Clock clock;
  private final FalsePositiveCounter falsePositives;

  public QualityReport(Database db, Clock clock, FalsePositiveCounter falsePositives) {
    this.db = db;
    this.clock = clock;
    this.falsePositives = falsePositives;
  }

  /**
   * The stats of institution {@code name} over the {@code window} up to now; empty when there is no
   * such institution.
   */
  public Optional<QualityStats> stats(String name, Duration window) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the window must be positive");
    }
    Instant until = clock.instant();
    Instant since = until.minus(window);
    record Found(Institution institution, QualityCounts counts) {}
    Optional<Found> found =
        db.read(
            c -> {
              Optional<Institution> i =
                  InstitutionStore.byName(c, name == null ? "" : name.strip());
              if (i.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Found(
                      i.get(),
                      GovernanceStore.quality(
                          c, i.get().id(), since.toEpochMilli(), until.toEpochMilli())));
            });
    if (found.isEmpty()) {
      return Optional.empty();
    }
    QualityCounts q = found.get().counts();
    Map<String, Long> byReason = new LinkedHashMap<>();
    for (RejectReason r : RejectReason.values()) {
      byReason.put(r.code(), q.rejectedByReason().getOrDefault(r.code(), 0L));
    }
    long lines = q.accepted() + q.rejected();
    long topSites = byReason.get(RejectReason.TOP_SITES.code());
    Institution inst = found.get().institution();
    return Optional.of(
        new QualityStats(
            inst.name(),
            since,
            until,
            q.submissions(),
            q.held(),
            q.discarded(),
            q.accepted(),
            q.rejected(),
            byReason,
            q.skipped(),
            falsePositives.confirmedFalsePositives(inst.id(), since, until),
            lines == 0 ? 0 : (double) topSites / lines));
  }
}
