package org.rpzx.core.lifecycle;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.testing.MutableClock;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSettings;

/**
 * The lifecycle tests' fixture: a store in a temporary directory with one institution, a clock the
 * test moves, names submitted straight into the entry tables, and the zone loaded from it.
 */
abstract class StoreWithInstitution {

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  final LifecycleSettings settings =
      new LifecycleSettings(
          Duration.ofDays(30), Duration.ZERO, Duration.ofSeconds(10), 100, 1 << 20);
  Database db;
  private long institution;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("rpzx.db"));
    Mutation<Institution> m = new Directory(db, clock).addInstitution("Uni A");
    institution = ((Mutation.Done<Institution>) m).value().id();
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Closes and opens the store again, as a restart does. */
  void reopen() {
    db.close();
    db = Database.open(dir.resolve("rpzx.db"));
  }

  void submit(String... names) {
    long now = clock.millis();
    db.inTransaction(
        c -> {
          EntryStore.recordSubmission(
              c, List.of(names), institution, now, now + settings.entryLifetime().toMillis());
          return null;
        });
  }

  PublishedZone load() {
    return ZoneLoader.load(db, ZoneSettings.defaults(), settings, clock);
  }
}
