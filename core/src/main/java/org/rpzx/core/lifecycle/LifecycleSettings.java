package org.rpzx.core.lifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * How long entries live and how the zone is published.
 *
 * @param entryLifetime an entry stays active this long after its latest submission (SPEC: 30 d)
 * @param coalesceWindow minimum spacing between two serials; changes inside it share one serial
 * @param sweepInterval how often expiries are looked for (an entry leaves within this interval)
 * @param journalMaxChangeSets change sets kept for IXFR
 * @param journalMaxBytes stored bytes of change sets kept for IXFR
 */
public record LifecycleSettings(
    Duration entryLifetime,
    Duration coalesceWindow,
    Duration sweepInterval,
    int journalMaxChangeSets,
    long journalMaxBytes) {

  public LifecycleSettings {
    Objects.requireNonNull(entryLifetime);
    Objects.requireNonNull(coalesceWindow);
    Objects.requireNonNull(sweepInterval);
    if (entryLifetime.isNegative() || entryLifetime.isZero()) {
      throw new IllegalArgumentException("entry lifetime must be positive");
    }
    if (coalesceWindow.isNegative() || coalesceWindow.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("coalesce window must be within 0..60 s");
    }
    if (sweepInterval.isNegative() || sweepInterval.isZero()) {
      throw new IllegalArgumentException("sweep interval must be positive");
    }
    if (journalMaxChangeSets < 1 || journalMaxBytes < 1) {
      throw new IllegalArgumentException("journal bounds must be positive");
    }
  }

  /** 30 days; 500 ms coalescing; expiry sweep every 10 s; 2000 change sets or 256 MiB. */
  public static LifecycleSettings defaults() {
    return new LifecycleSettings(
        Duration.ofDays(30),
        Duration.ofMillis(500),
        Duration.ofSeconds(10),
        2000,
        256L * 1024 * 1024);
  }
}
