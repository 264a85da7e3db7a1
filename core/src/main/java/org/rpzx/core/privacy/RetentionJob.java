package org.rpzx.core.privacy;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.RetentionStore;
import org.rpzx.core.store.SqlWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is past its retention (SPEC §7): submission records with their per-line results and
 * raw messages, raw messages past their own (shorter) retention (all of them once keeping them is
 * switched off), the links of long-expired entries to their submitters, and old audit records.
 * Entries themselves stay: their expiry needs no submission. Runs once at start and then every
 * {@link PrivacySettings#interval()}; each batch of at most {@code batchSize} rows is one
 * transaction, so submissions are never held up for long.
 */
public final class RetentionJob implements AutoCloseable {

  static final int DEFAULT_BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  /** What one run deleted. */
  public record Result(int submissions, int rawMessages, int entrySources, int auditRecords) {
    public boolean isEmpty() {
      return submissions + rawMessages + entrySources + auditRecords == 0;
    }
  }

  private final Database db;
  private final Clock clock;
  private final PrivacySettings settings;
  private final int batchSize;
  private final ScheduledExecutorService executor;

  public RetentionJob(Database db, Clock clock, PrivacySettings settings) {
    this(db, clock, settings, DEFAULT_BATCH);
  }

  RetentionJob(Database db, Clock clock, PrivacySettings settings, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive");
    }
    this.db = db;
    this.clock = clock;
    this.settings = settings;
    this.batchSize = batchSize;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("rpzx-retention").setDaemon(true).build());
  }

  /** Runs now, then every interval. */
  public void start() {
    long every = settings.interval().toMillis();
    executor.scheduleWithFixedDelay(this::runQuietly, 0, every, TimeUnit.MILLISECONDS);
  }

  private void runQuietly() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      LOG.warn("retention run failed, will retry: {}", e.getMessage());
    }
  }

  /** Deletes everything past its retention at this instant; logs and returns the counts. */
  public Result runOnce() {
    long now = clock.millis();
    long submissionCutoff = now - settings.submissionRetention().toMillis();
    // with keeping switched off, what was kept before goes at once
    long rawCutoff =
        settings.keepRawMessages() ? now - settings.rawMessageRetention().toMillis() : now + 1;
    long auditCutoff = now - settings.auditRetention().toMillis();
    int submissions =
        inBatches(c -> RetentionStore.deleteSubmissions(c, submissionCutoff, batchSize));
    int raw = inBatches(c -> RetentionStore.deleteRawMessages(c, rawCutoff, batchSize));
    int sources =
        inBatches(c -> RetentionStore.deleteExpiredSources(c, submissionCutoff, now, batchSize));
    int audit = inBatches(c -> RetentionStore.deleteAuditRecords(c, auditCutoff, batchSize));
    Result result = new Result(submissions, raw, sources, audit);
    if (!result.isEmpty()) {
      LOG.info(
          "retention: deleted {} submissions, {} raw messages, {} entry sources, {} audit records",
          submissions,
          raw,
          sources,
          audit);
    }
    return result;
  }

  /** Repeats {@code batch} (one transaction each) until it deletes less than a full batch. */
  private int inBatches(SqlWork<Integer> batch) {
    int total = 0;
    while (true) {
      int n = db.inTransaction(batch);
      total += n;
      if (n < batchSize) {
        return total;
      }
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
