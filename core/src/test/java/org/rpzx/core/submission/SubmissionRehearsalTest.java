package org.rpzx.core.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.lifecycle.LifecycleSettings;
import org.rpzx.core.lifecycle.ZoneLoader;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.name.RejectReason;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.SubmissionStore;
import org.rpzx.core.store.ZoneStore;
import org.rpzx.core.testing.MutableClock;
import org.rpzx.core.testing.TestRules;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSettings;

/** The JIT warm-up's rehearsal does a submission's work and leaves the store and zone alone. */
class SubmissionRehearsalTest {

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  private final LifecycleSettings lifecycle = LifecycleSettings.defaults();
  private Database db;
  private PublishedZone zone;
  private ZoneMaintainer maintainer;
  private ValidationRules rules;

  @BeforeEach
  void setUp() {
    db = Database.open(dir.resolve("rpzx.db"));
    zone = ZoneLoader.load(db, ZoneSettings.defaults(), lifecycle, clock);
    maintainer = new ZoneMaintainer(db, zone, clock, lifecycle);
    rules = TestRules.rules(db, clock);
  }

  @AfterEach
  void tearDown() {
    maintainer.close();
    db.close();
  }

  @Test
  void countsTheNamesNotInTheZoneAndStoresNothing() {
    Directory directory = new Directory(db, clock);
    directory.addInstitution("Uni A");
    directory.addSender("alice@uni-a.example", "Uni A");
    SubmissionService service =
        new SubmissionService(
            db,
            new SenderAuthorizer(db, clock, false),
            rules,
            maintainer,
            clock,
            lifecycle.entryLifetime(),
            Duration.ofSeconds(5));
    SenderIdentity alice =
        ((SenderCheck.Authorized)
                service.checkSender("alice@uni-a.example", AuthMethod.FROM_HEADER))
            .identity();
    service.submit(alice, "http", "a.example.org\n".getBytes(StandardCharsets.UTF_8));
    long serial = zone.current().serial();
    int journal = db.read(ZoneStore::journal).size();

    SubmissionRehearsal rehearsal = new SubmissionRehearsal(rules, maintainer);
    List<DomainsFile> files =
        List.of(new DomainsFile("domains.txt", "a.example.org\nb.example.org\nhttp://x/\n"));

    assertThat(rehearsal.rehearse(files)).isEqualTo(1);
    assertThat(rehearsal.rehearse(files)).as("nothing was stored the first time").isEqualTo(1);
    assertThat(zone.current().serial()).isEqualTo(serial);
    assertThat(zone.current().contains("b.example.org")).isFalse();
    assertThat(db.read(ZoneStore::journal)).hasSize(journal);
    List<SubmissionStore.SubmissionRow> rows = db.read(c -> SubmissionStore.list(c, null, 10));
    assertThat(rows).hasSize(1);
  }

  @Test
  void aSyntheticListIsMostlyAcceptedWithSomeOfEachOtherOutcome() {
    String text = SyntheticDomains.text(20_000, 7);
    assertThat(SyntheticDomains.text(20_000, 7)).isEqualTo(text);
    assertThat(text.lines()).hasSize(20_000);

    ValidatedFiles v =
        ValidatedFiles.of(rules.get(), List.of(new DomainsFile("domains.txt", text)));

    assertThat(v.accepted().size()).isGreaterThan(18_000);
    assertThat(v.skipped()).as("comments").isGreaterThan(0);
    assertThat(v.rejected())
        .extracting(RejectedLine::reason)
        .contains(RejectReason.URL, RejectReason.PUBLIC_SUFFIX, RejectReason.SYNTAX);
    assertThat(v.accepted())
        .anyMatch(n -> n.startsWith("xn--"))
        .anyMatch(n -> n.endsWith(".co.uk"));
    assertThat(
            new SubmissionRehearsal(rules, maintainer)
                .rehearse(List.of(new DomainsFile("domains.txt", text))))
        .isEqualTo(v.accepted().size());
  }
}
