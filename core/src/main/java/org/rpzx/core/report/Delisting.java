package org.rpzx.core.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.lists.Suppression;
import org.rpzx.core.store.NameListStore;
import org.rpzx.core.store.ReportStore;
import org.rpzx.core.submission.ValidationRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking a name out of the zone at once: inside the caller's transaction the entry expires now and
 * the name is suppressed; after the commit the rules see the suppression and the zone maintainer
 * publishes the removal (one change set, one new serial), which is waited for within a bound.
 */
final class Delisting {

  private static final Logger LOG = LoggerFactory.getLogger(Delisting.class);

  private final ValidationRules rules;
  private final ZoneMaintainer maintainer;
  private final Duration publishWait;

  Delisting(ValidationRules rules, ZoneMaintainer maintainer, Duration publishWait) {
    this.rules = rules;
    this.maintainer = maintainer;
    this.publishWait = publishWait;
  }

  /**
   * Inside a transaction: {@code name} expires at {@code now} and is suppressed as {@code wanted}
   * says, unless a suppression in force already lasts at least as long (that one is kept).
   *
   * @return the suppression in force afterwards
   */
  static Suppression expireAndSuppress(Connection c, String name, long now, Suppression wanted)
      throws SQLException {
    ReportStore.expireNow(c, name, now);
    Optional<Suppression> existing = NameListStore.suppression(c, name);
    Instant at = Instant.ofEpochMilli(now);
    if (existing.isPresent() && existing.get().activeAt(at) && outlasts(existing.get(), wanted)) {
      return existing.get();
    }
    NameListStore.putSuppression(c, wanted);
    return wanted;
  }

  private static boolean outlasts(Suppression existing, Suppression wanted) {
    return existing.until() == null
        || (wanted.until() != null && !existing.until().isBefore(wanted.until()));
  }

  /**
   * After the commit: the next submission sees the new suppression, and the removal is published.
   */
  void publishRemoval(String what) {
    rules.reloadSuppressions();
    publish(what);
  }

  /**
   * Publishes what is pending and waits for it. The change is stored either way; a slow publication
   * is logged, and the expiry sweep publishes it later.
   */
  void publish(String what) {
    try {
      long serial = maintainer.requestPublish().get(publishWait.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("{}: published with serial {}", what, serial);
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("{}: stored; zone publication still pending: {}", what, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
