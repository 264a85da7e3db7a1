package org.rpzx.core.privacy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.lifecycle.LifecycleSettings;
import org.rpzx.core.lifecycle.ZoneLoader;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.store.Database;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.core.submission.RawMessage;
import org.rpzx.core.submission.SenderAuthorizer;
import org.rpzx.core.submission.SenderCheck;
import org.rpzx.core.submission.SenderIdentity;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionReport;
import org.rpzx.core.submission.SubmissionRequest;
import org.rpzx.core.submission.SubmissionService;
import org.rpzx.core.submission.ValidationRules;
import org.rpzx.core.testing.MutableClock;
import org.rpzx.core.testing.TestRules;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSettings;

/** A store with one institution and a submission service on a clock the test moves. */
final class PrivacyFixture implements AutoCloseable {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  final Database db;
  final PublishedZone zone;
  final ZoneMaintainer maintainer;
  final SubmissionService service;
  final SenderIdentity alice;

  PrivacyFixture(Path dir, boolean keepRawMessages) {
    db = Database.open(dir.resolve("rpzx.db"));
    LifecycleSettings lifecycle = LifecycleSettings.defaults();
    zone = ZoneLoader.load(db, ZoneSettings.defaults(), lifecycle, clock);
    maintainer = new ZoneMaintainer(db, zone, clock, lifecycle);
    Directory directory = new Directory(db, clock);
    directory.addInstitution("Uni A");
    directory.addSender("alice@uni-a.example", "Uni A");
    ValidationRules rules = TestRules.rules(db, clock, "google.com");
    service =
        new SubmissionService(
            db,
            new SenderAuthorizer(db, clock, false),
            rules,
            maintainer,
            clock,
            Duration.ofDays(30),
            Duration.ofSeconds(5),
            null,
            org.rpzx.core.governance.PlausibilitySettings.disabled(),
            keepRawMessages);
    alice =
        ((SenderCheck.Authorized)
                service.checkSender("alice@uni-a.example", AuthMethod.FROM_HEADER))
            .identity();
  }

  SubmissionReport submit(String domainsTxt, RawMessage raw) {
    SubmissionOutcome out =
        service.submit(
            new SubmissionRequest(
                alice, "smtp", null, List.of(new DomainsFile("domains.txt", domainsTxt)), raw));
    return ((SubmissionOutcome.Applied) out).report();
  }

  long count(String table) {
    return db.read(
        c -> {
          try (var st = c.createStatement();
              var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public void close() {
    maintainer.close();
    db.close();
  }
}
