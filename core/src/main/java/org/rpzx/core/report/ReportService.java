package org.rpzx.core.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.lists.Suppression;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.ReportStore;
import org.rpzx.core.submission.ValidationRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * False-positive reports (SPEC §8). A report is filed on a name the zone holds, exactly or under a
 * listed name's wildcard (then the report is about that listed name). The operator confirms it: in
 * one store transaction the entry expires now, the name is suppressed for the configured period
 * (reason {@code false positive, report #id}), the institutions that had submitted it are kept with
 * the report and the report is marked confirmed; then the zone maintainer publishes the removal as
 * one change set. Or the operator dismisses it, which changes nothing else.
 *
 * <p>A reporter that files again on the same entry while its earlier report is open gets that
 * report back (no second one). Thread-safe.
 */
public final class ReportService {

  private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);

  private final Database db;
  private final Clock clock;
  private final Duration suppression;
  private final Delisting delisting;

  /**
   * @param suppression how long a confirmed false positive stays suppressed
   * @param publishWait how long confirm waits for the removal to be published
   */
  public ReportService(
      Database db,
      ValidationRules rules,
      ZoneMaintainer maintainer,
      Clock clock,
      Duration suppression,
      Duration publishWait) {
    if (suppression.isNegative() || suppression.isZero()) {
      throw new IllegalArgumentException("the suppression period must be positive");
    }
    this.db = db;
    this.clock = clock;
    this.suppression = suppression;
    this.delisting = new Delisting(rules, maintainer, publishWait);
  }

  /**
   * Files a report on {@code rawName} (normalised like a line of {@code domains.txt}).
   *
   * @param channel how it came, e.g. {@code api} or {@code smtp}
   */
  public FileResult file(Reporter reporter, String rawName, String reason, String channel) {
    Objects.requireNonNull(reporter);
    Objects.requireNonNull(channel);
    String why = ReportText.oneLine(reason);
    Optional<String> refusal = ReportText.refusal("reason", why, true);
    if (refusal.isPresent()) {
      return new FileResult.Invalid(refusal.get());
    }
    Mutation<String> checked = ReportText.name(rawName);
    if (!(checked instanceof Mutation.Done<String> n)) {
      return new FileResult.Invalid(((Mutation.Invalid<String>) checked).message());
    }
    String reported = n.value();
    long now = clock.millis();
    FileResult result =
        db.inTransaction(
            c -> {
              Optional<String> listed = ReportStore.listedCovering(c, reported);
              if (listed.isEmpty()) {
                return new FileResult.Invalid(reported + " is not listed");
              }
              Optional<FalsePositiveReport> open =
                  ReportStore.openReport(c, listed.get(), reporter.institutionId());
              if (open.isPresent()) {
                return new FileResult.Filed(open.get(), true);
              }
              long id =
                  ReportStore.insert(
                      c,
                      new ReportStore.NewReport(
                          listed.get(),
                          reported,
                          why,
                          channel,
                          reporter.institutionId(),
                          reporter.label(),
                          now));
              return new FileResult.Filed(ReportStore.find(c, id).orElseThrow(), false);
            });
    if (result instanceof FileResult.Filed f && !f.alreadyOpen()) {
      LOG.info(
          "false-positive report #{} on {} via {}", f.report().id(), f.report().name(), channel);
    }
    return result;
  }

  /** Reports matching {@code filter}, newest first. */
  public List<FalsePositiveReport> list(ReportFilter filter) {
    return db.read(c -> ReportStore.list(c, filter));
  }

  public Optional<FalsePositiveReport> report(long id) {
    return db.read(c -> ReportStore.find(c, id));
  }

  /**
   * The institutions that submitted the report's name, by name: those kept when it was confirmed,
   * otherwise those on record now. Operator-only information (SPEC §7): never show it to a
   * reporter.
   */
  public List<String> submitters(FalsePositiveReport report) {
    return db.read(
        c ->
            report.status() == ReportStatus.CONFIRMED
                ? ReportStore.keptSubmitters(c, report.id())
                : EntryStore.sources(c, report.name()).stream()
                    .map(EntryStore.EntrySource::institution)
                    .sorted()
                    .toList());
  }

  /**
   * Confirms an open report: the name leaves the zone at once and is suppressed for the configured
   * period (a suppression in force that lasts longer is kept). All store changes are one
   * transaction; the call returns once the removal is published (or the wait ran out).
   *
   * @param operator who decides, as the store keeps it (e.g. {@code token:abc})
   * @param note the operator's note, or null
   */
  public Mutation<FalsePositiveReport> confirm(long id, String operator, String note) {
    String text = ReportText.oneLine(note);
    Optional<String> refusal = ReportText.refusal("note", text, false);
    if (refusal.isPresent()) {
      return new Mutation.Invalid<>(refusal.get());
    }
    long now = clock.millis();
    Instant until = Instant.ofEpochMilli(now).plus(suppression);
    Mutation<FalsePositiveReport> result =
        db.inTransaction(
            c -> {
              Mutation<FalsePositiveReport> open = openReport(ReportStore.find(c, id), id);
              if (!(open instanceof Mutation.Done<FalsePositiveReport> d)) {
                return open;
              }
              String name = d.value().name();
              ReportStore.keepSubmitters(c, id, name);
              Delisting.expireAndSuppress(
                  c,
                  name,
                  now,
                  new Suppression(
                      name,
                      "false positive, report #" + id,
                      until,
                      operator,
                      Instant.ofEpochMilli(now)));
              ReportStore.decide(c, id, ReportStatus.CONFIRMED, now, operator, text);
              return new Mutation.Done<>(ReportStore.find(c, id).orElseThrow());
            });
    if (result instanceof Mutation.Done<FalsePositiveReport> d) {
      delisting.publishRemoval("report #" + id + " confirmed, " + d.value().name() + " delisted");
    }
    return result;
  }

  /** Dismisses an open report; the zone and the lists stay as they are. */
  public Mutation<FalsePositiveReport> dismiss(long id, String operator, String note) {
    String text = ReportText.oneLine(note);
    Optional<String> refusal = ReportText.refusal("note", text, false);
    if (refusal.isPresent()) {
      return new Mutation.Invalid<>(refusal.get());
    }
    long now = clock.millis();
    Mutation<FalsePositiveReport> result =
        db.inTransaction(
            c -> {
              Mutation<FalsePositiveReport> open = openReport(ReportStore.find(c, id), id);
              if (!(open instanceof Mutation.Done<FalsePositiveReport>)) {
                return open;
              }
              ReportStore.decide(c, id, ReportStatus.DISMISSED, now, operator, text);
              return new Mutation.Done<>(ReportStore.find(c, id).orElseThrow());
            });
    if (result instanceof Mutation.Done<FalsePositiveReport>) {
      LOG.info("false-positive report #{} dismissed", id);
    }
    return result;
  }

  /**
   * How many reports confirmed at or after {@code since} were about names {@code institutionId} had
   * submitted (for the operator's quality figures, SPEC §8).
   */
  public long confirmedFalsePositives(long institutionId, Instant since) {
    return db.read(
        c -> ReportStore.confirmedFalsePositives(c, institutionId, since.toEpochMilli()));
  }

  private static Mutation<FalsePositiveReport> openReport(
      Optional<FalsePositiveReport> found, long id) {
    if (found.isEmpty()) {
      return new Mutation.NotFound<>("no report #" + id);
    }
    if (!found.get().isOpen()) {
      return new Mutation.Conflict<>(
          "report #" + id + " is already " + found.get().status().code());
    }
    return new Mutation.Done<>(found.get());
  }
}
