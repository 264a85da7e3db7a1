package org.rpzx.core.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.lifecycle.LifecycleSettings;
import org.rpzx.core.lifecycle.ZoneLoader;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.lists.Suppression;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.NameListStore;
import org.rpzx.core.store.ReportStore;
import org.rpzx.core.submission.ValidationRules;
import org.rpzx.core.testing.MutableClock;
import org.rpzx.core.testing.TestRules;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSettings;

/**
 * A store with two institutions, a published zone, its maintainer (not started: publication runs on
 * request) and the entry rules; names are submitted straight into the store and published.
 */
final class ReportFixture implements AutoCloseable {

  static final Duration LIFETIME = Duration.ofDays(30);
  static final Duration SUPPRESSION = Duration.ofDays(90);

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  final Database db;
  final PublishedZone zone;
  final ZoneMaintainer maintainer;
  final ValidationRules rules;
  final long uniA;
  final long uniB;

  ReportFixture(Path dir) {
    db = Database.open(dir.resolve("rpzx.db"));
    LifecycleSettings lifecycle =
        new LifecycleSettings(LIFETIME, Duration.ZERO, Duration.ofSeconds(10), 100, 1 << 20);
    zone = ZoneLoader.load(db, ZoneSettings.defaults(), lifecycle, clock);
    maintainer = new ZoneMaintainer(db, zone, clock, lifecycle);
    Directory directory = new Directory(db, clock);
    uniA = id(directory.addInstitution("Uni A"));
    uniB = id(directory.addInstitution("Uni B"));
    rules = TestRules.rules(db, clock, "google.com");
  }

  private static long id(Mutation<Institution> m) {
    return ((Mutation.Done<Institution>) m).value().id();
  }

  ReportService reports() {
    return new ReportService(db, rules, maintainer, clock, SUPPRESSION, Duration.ofSeconds(10));
  }

  EntryOverrides overrides() {
    return new EntryOverrides(
        db, rules, maintainer, clock, LIFETIME, SUPPRESSION, Duration.ofSeconds(10));
  }

  /** {@code institution} submits {@code names} now; they are published. */
  void submitAndPublish(long institution, String... names) {
    long now = clock.millis();
    db.inTransaction(
        c -> {
          EntryStore.recordSubmission(
              c, List.of(names), institution, now, now + LIFETIME.toMillis());
          return null;
        });
    maintainer.publishNow();
  }

  long serial() {
    return zone.current().serial();
  }

  EntryStore.EntryRow entry(String name) {
    return db.read(c -> EntryStore.entry(c, name)).orElseThrow();
  }

  Optional<Suppression> suppression(String name) {
    return db.read(c -> NameListStore.suppression(c, name));
  }

  List<EntryStore.EntrySource> sources(String name) {
    return db.read(c -> EntryStore.sources(c, name));
  }

  Optional<OperatorEntry> operatorEntry(String name) {
    return db.read(c -> ReportStore.operatorEntry(c, name));
  }

  @Override
  public void close() {
    maintainer.close();
    db.close();
  }
}
