package org.rpzx.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.name.RejectReason;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.zone.ChangeSet;

class EntryOverridesTest {

  @TempDir Path dir;
  private ReportFixture f;
  private EntryOverrides overrides;

  @BeforeEach
  void setUp() {
    f = new ReportFixture(dir);
    overrides = f.overrides();
    f.submitAndPublish(f.uniA, "evil.example.org", "other.example.net");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private RejectReason verdict(String line) {
    LineOutcome o = f.rules.get().validate(line);
    return o instanceof LineOutcome.Rejected r ? r.reason() : null;
  }

  @Test
  void removeDelistsInOneChangeSetAndSuppressesForTheGivenPeriod() {
    long before = f.serial();
    int journal = f.zone.journal().size();
    Instant now = f.clock.instant();

    Mutation<Delisted> m =
        overrides.remove("EVIL.example.org.", "vendor CDN", Duration.ofDays(7), "token:op");

    Delisted d = ((Mutation.Done<Delisted>) m).value();
    assertThat(d.name()).isEqualTo("evil.example.org");
    assertThat(d.suppression().until()).isEqualTo(now.plus(Duration.ofDays(7)));
    assertThat(d.suppression().reason()).isEqualTo("vendor CDN");
    assertThat(f.zone.journal().size()).isEqualTo(journal + 1);
    ChangeSet cs = f.zone.journal().changeSets().get(journal);
    assertThat(cs.fromSerial()).isEqualTo(before);
    assertThat(cs.removed()).containsExactly("evil.example.org");
    assertThat(cs.added()).isEmpty();
    assertThat(verdict("evil.example.org")).isEqualTo(RejectReason.SUPPRESSED);
    assertThat(f.zone.current().contains("other.example.net")).isTrue();
  }

  @Test
  void removeWithoutAPeriodUsesTheConfiguredOne() {
    Mutation<Delisted> m = overrides.remove("evil.example.org", "fp", null, "token:op");
    assertThat(((Mutation.Done<Delisted>) m).value().suppression().until())
        .isEqualTo(f.clock.instant().plus(ReportFixture.SUPPRESSION));
  }

  @Test
  void removeRefusesWhatIsNoEntryAndChangesNothing() {
    long serial = f.serial();
    assertThat(overrides.remove("www.evil.example.org", "x", null, "op"))
        .isEqualTo(
            new Mutation.NotFound<>(
                "www.evil.example.org is not an entry; the entry evil.example.org covers it"));
    assertThat(overrides.remove("nowhere.example", "x", null, "op"))
        .isEqualTo(new Mutation.NotFound<>("no entry nowhere.example in the zone"));
    assertThat(overrides.remove("evil.example.org", "", null, "op"))
        .isEqualTo(new Mutation.Invalid<>("a reason is required"));
    assertThat(overrides.remove("evil.example.org", "x", Duration.ZERO, "op"))
        .isEqualTo(new Mutation.Invalid<>("the suppression period must be positive"));
    assertThat(overrides.remove("192.0.2.1", "x", null, "op")).isInstanceOf(Mutation.Invalid.class);
    assertThat(f.serial()).isEqualTo(serial);
    assertThat(f.zone.current().contains("evil.example.org")).isTrue();
    assertThat(verdict("evil.example.org")).isNull();
  }

  @Test
  void addListsANameAsTheOperatorsWithTheNormalLifetime() {
    long before = f.serial();
    Mutation<EntryStore.EntryRow> m =
        overrides.add("*.Added.example.", "seen in a campaign", "token:op");

    EntryStore.EntryRow e = ((Mutation.Done<EntryStore.EntryRow>) m).value();
    assertThat(e.name()).isEqualTo("added.example");
    assertThat(e.inZone()).as("published before the answer").isTrue();
    assertThat(e.expiresAt()).isEqualTo(f.clock.instant().plus(ReportFixture.LIFETIME));
    assertThat(f.zone.current().contains("added.example")).isTrue();
    assertThat(f.zone.journal().changeSets().get(f.zone.journal().size() - 1))
        .extracting(ChangeSet::fromSerial, ChangeSet::added)
        .containsExactly(before, java.util.List.of("added.example"));
    assertThat(f.sources("added.example")).isEmpty();
    OperatorEntry source = f.operatorEntry("added.example").orElseThrow();
    assertThat(source.addedBy()).isEqualTo("token:op");
    assertThat(source.reason()).isEqualTo("seen in a campaign");
  }

  @Test
  void addAppliesTheRulesOfASubmittedLine() {
    long serial = f.serial();
    assertThat(overrides.add("mail.google.com", null, "op"))
        .isEqualTo(
            new Mutation.Invalid<>(
                "rejected top-sites: "
                    + ((LineOutcome.Rejected) f.rules.get().validate("mail.google.com")).detail()
                    + " (as a submitted line would be)"));
    assertThat(overrides.add("co.uk", null, "op")).isInstanceOf(Mutation.Invalid.class);
    assertThat(overrides.add("", null, "op"))
        .isEqualTo(new Mutation.Invalid<>("a domain name is required"));
    overrides.remove("evil.example.org", "fp", null, "op");
    assertThat(((Mutation.Invalid<?>) overrides.add("evil.example.org", null, "op")).message())
        .startsWith("rejected suppressed");
    assertThat(f.operatorEntry("co.uk")).isEmpty();
    assertThat(f.serial()).as("only the removal was published").isNotEqualTo(serial);
    assertThat(f.zone.journal().changeSets().get(f.zone.journal().size() - 1).removed())
        .containsExactly("evil.example.org");
  }
}
