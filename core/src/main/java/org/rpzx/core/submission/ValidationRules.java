package org.rpzx.core.submission;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.rpzx.core.name.EntryValidator;
import org.rpzx.core.name.NameList;
import org.rpzx.core.name.SuppressionCheck;
import org.rpzx.core.name.TrancoList;
import org.rpzx.core.name.ValidationPolicy;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry rules in force: one immutable {@link EntryValidator} swapped atomically when the Top-N
 * list, the allowlist or the suppressions change, so a submission is validated against one
 * consistent set of lists. Suppressions are held in memory (they are few) to keep validation of a
 * million-line submission free of store look-ups. Reloads are serialised, so a slow reload never
 * overwrites a newer one.
 */
public final class ValidationRules implements Supplier<EntryValidator> {

  private static final Logger LOG = LoggerFactory.getLogger(ValidationRules.class);

  private final Database db;
  private final Clock clock;
  private final Supplier<TrancoList> topSitesSource;
  private final AtomicReference<EntryValidator> current;
  private volatile Map<String, Long> suppressedUntil = Map.of();
  private volatile List<String> fileAllowlist = List.of();

  public ValidationRules(
      Database db, ValidationPolicy policy, Supplier<TrancoList> topSitesSource, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.topSitesSource = topSitesSource;
    SuppressionCheck suppression = this::isSuppressed;
    this.current = new AtomicReference<>(EntryValidator.of(policy).withSuppression(suppression));
    reloadTopSites();
    reloadAllowlist();
    reloadSuppressions();
  }

  @Override
  public EntryValidator get() {
    return current.get();
  }

  /** Re-reads the Top-N list; on failure the previous list stays in force. */
  public synchronized TrancoList reloadTopSites() {
    TrancoList list = topSitesSource.get();
    current.updateAndGet(v -> v.withTopSites(list.names()));
    LOG.info("top-sites list: {} names", list.size());
    return list;
  }

  /** Re-reads the store's allowlist and merges it with the allowlist file's names. */
  public synchronized NameList reloadAllowlist() {
    List<String> names = new ArrayList<>(db.read(EntryStore::allowlist));
    names.addAll(fileAllowlist);
    NameList list = NameList.of(names);
    current.updateAndGet(v -> v.withAllowlist(list));
    return list;
  }

  /**
   * Replaces the names of the operator's allowlist file (merged with the store's allowlist) and
   * re-reads the store's allowlist.
   */
  public synchronized NameList setAllowlistFile(Collection<String> names) {
    fileAllowlist = List.copyOf(names);
    return reloadAllowlist();
  }

  /** Re-reads the suppressions in force; one without an expiry lasts until it is removed. */
  public synchronized void reloadSuppressions() {
    long now = clock.millis();
    suppressedUntil =
        db.read(
            c -> {
              Map<String, Long> m = new HashMap<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT name, until FROM suppressions WHERE until IS NULL OR until > ?")) {
                ps.setLong(1, now);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    String name = rs.getString(1);
                    long until = rs.getLong(2);
                    m.put(name, rs.wasNull() ? Long.MAX_VALUE : until);
                  }
                }
              }
              return Map.copyOf(m);
            });
  }

  private boolean isSuppressed(String name) {
    Long until = suppressedUntil.get(name);
    return until != null && until > clock.millis();
  }
}
