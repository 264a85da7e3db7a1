package org.rpzx.core.governance;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.rpzx.core.consumer.ConsumerRegistry;
import org.rpzx.core.consumer.ConsumerRequest;
import org.rpzx.core.consumer.TransferKind;
import org.rpzx.core.consumer.TransferObservation;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.lifecycle.LifecycleSettings;
import org.rpzx.core.lifecycle.ZoneLoader;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.store.Database;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.core.submission.SenderAuthorizer;
import org.rpzx.core.submission.SenderCheck;
import org.rpzx.core.submission.SenderIdentity;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionService;
import org.rpzx.core.submission.ValidationRules;
import org.rpzx.core.testing.MutableClock;
import org.rpzx.core.testing.TestRules;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSettings;

/**
 * A store with institutions Uni A (sender a@uni-a.example) and Uni B (b@uni-b.example), a zone, its
 * maintainer (not started: publication on request) and the entry rules with google.com as the only
 * top site.
 */
final class GovernanceFixture implements AutoCloseable {

  static final Duration LIFETIME = Duration.ofDays(30);
  static final String A = "a@uni-a.example";
  static final String B = "b@uni-b.example";

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  final Database db;
  final PublishedZone zone;
  final ZoneMaintainer maintainer;
  final Directory directory;
  final ConsumerRegistry consumers;
  final ValidationRules rules;

  GovernanceFixture(Path dir) {
    db = Database.open(dir.resolve("rpzx.db"));
    LifecycleSettings lifecycle =
        new LifecycleSettings(LIFETIME, Duration.ZERO, Duration.ofSeconds(10), 100, 1 << 20);
    zone = ZoneLoader.load(db, ZoneSettings.defaults(), lifecycle, clock);
    maintainer = new ZoneMaintainer(db, zone, clock, lifecycle);
    directory = new Directory(db, clock);
    directory.addInstitution("Uni A");
    directory.addInstitution("Uni B");
    directory.addSender(A, "Uni A");
    directory.addSender(B, "Uni B");
    consumers = new ConsumerRegistry(db, clock);
    rules = TestRules.rules(db, clock, "google.com");
  }

  SubmissionService service(ParticipationPolicy participation, PlausibilitySettings plausibility) {
    return new SubmissionService(
        db,
        new SenderAuthorizer(db, clock, false, participation),
        rules,
        maintainer,
        clock,
        LIFETIME,
        Duration.ofSeconds(5),
        participation,
        plausibility,
        false);
  }

  SenderIdentity identity(String sender) {
    SenderCheck check =
        new SenderAuthorizer(db, clock, false).check(sender, AuthMethod.FROM_HEADER);
    return ((SenderCheck.Authorized) check).identity();
  }

  static SubmissionOutcome submit(SubmissionService s, SenderIdentity who, String... lines) {
    String text = String.join("\n", Arrays.asList(lines)) + "\n";
    return s.submit(
        new org.rpzx.core.submission.SubmissionRequest(
            who, "smtp", null, List.of(new DomainsFile("domains.txt", text))));
  }

  void addConsumer(String name, String institution) {
    Mutation<?> m =
        consumers.add(
            new ConsumerRequest(name, institution, null, null, List.of("192.0.2.0/24"), List.of()));
    if (!(m instanceof Mutation.Done)) {
      throw new IllegalStateException(m.toString());
    }
  }

  /** Consumer {@code name} asked for {@code kind} now. */
  void contact(String name, TransferKind kind) {
    consumers.record(
        new TransferObservation(
            name, kind, 1, 100, Duration.ofMillis(3), "192.0.2.1", clock.instant(), true));
  }

  java.util.Optional<org.rpzx.core.store.EntryStore.EntryRow> entry(String name) {
    return db.read(c -> org.rpzx.core.store.EntryStore.entry(c, name));
  }

  List<org.rpzx.core.store.EntryStore.EntrySource> sources(String name) {
    return db.read(c -> org.rpzx.core.store.EntryStore.sources(c, name));
  }

  List<org.rpzx.core.store.SubmissionStore.SubmissionRow> submissions(
      org.rpzx.core.submission.SubmissionStatus status) {
    return db.read(c -> org.rpzx.core.store.SubmissionStore.list(c, null, status, 100));
  }

  List<org.rpzx.core.submission.RejectedLine> rejections(long id) {
    return db.read(c -> org.rpzx.core.store.SubmissionStore.rejections(c, id));
  }

  @Override
  public void close() {
    maintainer.close();
    db.close();
  }
}
