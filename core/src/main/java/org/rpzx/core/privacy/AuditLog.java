package org.rpzx.core.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.rpzx.core.store.AuditStore;
import org.rpzx.core.store.Database;

/**
 * The audit log of operator and token actions on the API: one record per audited request, each its
 * own transaction. Read by the operator only; deleted after its retention by {@link RetentionJob}.
 */
public final class AuditLog {

  private final Database db;
  private final Clock clock;

  public AuditLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Stores {@code event} now; a {@link org.rpzx.core.store.StoreException} if it cannot. */
  public void record(AuditEvent event) {
    long now = clock.millis();
    db.inTransaction(
        c -> {
          AuditStore.insert(c, event, now);
          return null;
        });
  }

  /** Records from {@code since} on, newest first, at most {@code limit}. */
  public List<AuditRecord> since(Instant since, int limit) {
    return db.read(c -> AuditStore.since(c, since.toEpochMilli(), limit));
  }
}
