package org.rpzx.core.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.lifecycle.LifecycleSettings;
import org.rpzx.core.lifecycle.ZoneLoader;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.RawMessageStore;
import org.rpzx.core.testing.TestRules;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSettings;

/** Raw messages are stored with their submission only when the operator keeps them. */
class RawMessageStorageTest {

  @TempDir Path dir;

  private static final byte[] MESSAGE =
      "From: alice@uni-a.example\r\n\r\nsee attachment\r\n".getBytes(StandardCharsets.US_ASCII);

  private record Stored(boolean kept, List<Long> ids, long rows, boolean portKeeps) {}

  private Stored submitTwice(boolean keep) {
    Clock clock = Clock.systemUTC();
    try (Database db = Database.open(dir.resolve(keep + ".db"))) {
      LifecycleSettings lifecycle = LifecycleSettings.defaults();
      PublishedZone zone = ZoneLoader.load(db, ZoneSettings.defaults(), lifecycle, clock);
      try (ZoneMaintainer maintainer = new ZoneMaintainer(db, zone, clock, lifecycle)) {
        Directory directory = new Directory(db, clock);
        directory.addInstitution("Uni A");
        directory.addSender("alice@uni-a.example", "Uni A");
        SubmissionService service =
            new SubmissionService(
                db,
                new SenderAuthorizer(db, clock, false),
                TestRules.rules(db, clock, "google.com"),
                maintainer,
                clock,
                Duration.ofDays(30),
                Duration.ofSeconds(5),
                null,
                org.rpzx.core.governance.PlausibilitySettings.disabled(),
                keep);
        SenderIdentity alice =
            ((SenderCheck.Authorized)
                    service.checkSender("alice@uni-a.example", AuthMethod.FROM_HEADER))
                .identity();
        List<DomainsFile> files = List.of(new DomainsFile("domains.txt", "a.example.org\n"));
        long withRaw =
            ((SubmissionOutcome.Applied)
                    service.submit(
                        new SubmissionRequest(
                            alice, "smtp", "<m1@x>", files, RawMessage.of(MESSAGE))))
                .report()
                .id();
        long without =
            ((SubmissionOutcome.Applied)
                    service.submit(new SubmissionRequest(alice, "smtp", "<m2@x>", files)))
                .report()
                .id();
        boolean kept =
            db.read(c -> RawMessageStore.find(c, withRaw))
                .map(r -> java.util.Arrays.equals(r.bytes(), MESSAGE))
                .orElse(false);
        java.util.Optional<RawMessage> none = db.read(c -> RawMessageStore.find(c, without));
        assertThat(none).isEmpty();
        return new Stored(
            kept,
            List.of(withRaw, without),
            db.read(RawMessageStore::count),
            service.keepsRawMessages());
      }
    }
  }

  @Test
  void keptInTheSubmissionsTransactionWhenEnabled() {
    Stored s = submitTwice(true);
    assertThat(s.portKeeps()).isTrue();
    assertThat(s.kept()).isTrue();
    assertThat(s.rows()).isEqualTo(1);
  }

  @Test
  void neverStoredWhenDisabledEvenIfAnEdgeSendsOne() {
    Stored s = submitTwice(false);
    assertThat(s.portKeeps()).isFalse();
    assertThat(s.kept()).isFalse();
    assertThat(s.rows()).isZero();
  }
}
