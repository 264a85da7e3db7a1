package org.rpzx.core.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.lists.Suppression;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.NameListStore;
import org.rpzx.core.store.ReportStore;
import org.rpzx.core.submission.ValidationRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's overrides of entries. {@link #remove} delists a name at once (one change set) and
 * suppresses it, like a confirmed report without one. {@link #add} lists a name as the operator's:
 * the name passes the same rules as a submitted line, gets the normal lifetime and keeps the
 * operator as its source (no institution). Thread-safe.
 */
public final class EntryOverrides {

  private static final Logger LOG = LoggerFactory.getLogger(EntryOverrides.class);

  private final Database db;
  private final ValidationRules rules;
  private final Clock clock;
  private final Duration entryLifetime;
  private final Duration defaultSuppression;
  private final Delisting delisting;

  public EntryOverrides(
      Database db,
      ValidationRules rules,
      ZoneMaintainer maintainer,
      Clock clock,
      Duration entryLifetime,
      Duration defaultSuppression,
      Duration publishWait) {
    this.db = db;
    this.rules = rules;
    this.clock = clock;
    this.entryLifetime = entryLifetime;
    this.defaultSuppression = defaultSuppression;
    this.delisting = new Delisting(rules, maintainer, publishWait);
  }

  /**
   * Takes entry {@code rawName} (exactly; not a name under it) out of the zone now and suppresses
   * it for {@code suppressFor} (null: the configured false-positive period).
   */
  public Mutation<Delisted> remove(
      String rawName, String reason, Duration suppressFor, String operator) {
    String why = ReportText.oneLine(reason);
    Optional<String> refusal = ReportText.refusal("reason", why, true);
    Duration period = suppressFor == null ? defaultSuppression : suppressFor;
    if (refusal.isEmpty() && (period.isNegative() || period.isZero())) {
      refusal = Optional.of("the suppression period must be positive");
    }
    if (refusal.isPresent()) {
      return new Mutation.Invalid<>(refusal.get());
    }
    Mutation<String> checked = ReportText.name(rawName);
    if (!(checked instanceof Mutation.Done<String> n)) {
      return new Mutation.Invalid<>(((Mutation.Invalid<String>) checked).message());
    }
    String name = n.value();
    long now = clock.millis();
    Instant at = Instant.ofEpochMilli(now);
    Mutation<Delisted> result =
        db.inTransaction(
            c -> {
              if (!NameListStore.inZone(c, name)) {
                Optional<String> covering = ReportStore.listedCovering(c, name);
                return new Mutation.NotFound<>(
                    covering.isPresent()
                        ? name + " is not an entry; the entry " + covering.get() + " covers it"
                        : "no entry " + name + " in the zone");
              }
              Suppression s =
                  Delisting.expireAndSuppress(
                      c, name, now, new Suppression(name, why, at.plus(period), operator, at));
              return new Mutation.Done<>(new Delisted(name, s));
            });
    if (result instanceof Mutation.Done<Delisted>) {
      delisting.publishRemoval(name + " removed by the operator");
    }
    return result;
  }

  /**
   * Lists {@code rawName} as the operator's entry if it passes the entry rules (a rejection is
   * {@link Mutation.Invalid} with the reason code); returns the entry once it is published (or the
   * wait ran out).
   */
  public Mutation<EntryStore.EntryRow> add(String rawName, String reason, String operator) {
    String why = ReportText.oneLine(reason);
    Optional<String> refusal = ReportText.refusal("reason", why, false);
    if (refusal.isPresent()) {
      return new Mutation.Invalid<>(refusal.get());
    }
    LineOutcome outcome = rules.get().validate(rawName == null ? "" : rawName);
    if (outcome instanceof LineOutcome.Rejected r) {
      return new Mutation.Invalid<>(
          "rejected " + r.reason().code() + ": " + r.detail() + " (as a submitted line would be)");
    }
    if (!(outcome instanceof LineOutcome.Accepted a)) {
      return new Mutation.Invalid<>("a domain name is required");
    }
    String name = a.name();
    long now = clock.millis();
    db.inTransaction(
        c -> {
          ReportStore.recordOperatorEntry(
              c, name, operator, why, now, now + entryLifetime.toMillis());
          return null;
        });
    delisting.publish(name + " added by the operator");
    LOG.debug("entry {} added by {}", name, operator);
    return new Mutation.Done<>(db.read(c -> EntryStore.entry(c, name)).orElseThrow());
  }
}
