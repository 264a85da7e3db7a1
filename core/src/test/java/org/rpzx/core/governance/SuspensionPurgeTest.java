package org.rpzx.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.ZoneStore;
import org.rpzx.core.submission.SubmissionService;
import org.rpzx.core.zone.ChangeSet;

/**
 * Suspension with purge: the suspension and the purge are one transaction, names only the suspended
 * institution supports leave the zone in one change set, shared names stay with the expiry the
 * other institution gives them.
 */
class SuspensionPurgeTest {

  @TempDir Path dir;
  private GovernanceFixture f;
  private Suspensions suspensions;
  private SubmissionService service;

  @BeforeEach
  void setUp() {
    f = new GovernanceFixture(dir);
    suspensions =
        new Suspensions(
            f.db,
            f.directory,
            f.maintainer,
            f.clock,
            GovernanceFixture.LIFETIME,
            Duration.ofSeconds(5));
    service = f.service(null, PlausibilitySettings.disabled());
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private void submit(String sender, String... names) {
    GovernanceFixture.submit(service, f.identity(sender), names);
  }

  private List<ChangeSet> journal() {
    return f.db.read(ZoneStore::journal);
  }

  @Test
  void purgeRemovesOnlyTheInstitutionsOwnNamesInOneChangeSet() {
    submit(GovernanceFixture.B, "shared.example.org", "b-only.example.org");
    f.clock.advance(Duration.ofDays(1));
    Instant bLatest = f.clock.instant().minus(Duration.ofDays(1));
    submit(GovernanceFixture.A, "shared.example.org", "a1.example.org", "a2.example.org");
    f.clock.advance(Duration.ofHours(1));
    long before = f.zone.current().serial();
    int changeSets = journal().size();

    Mutation<Suspension> m =
        suspensions.suspend("Uni A", Instant.parse("2027-01-01T00:00:00Z"), " abuse ", true);

    assertThat(m).isInstanceOf(Mutation.Done.class);
    Suspension s = ((Mutation.Done<Suspension>) m).value();
    assertThat(s.purgedNames()).isEqualTo(2);
    assertThat(s.institution().isSuspendedAt(f.clock.instant())).isTrue();
    assertThat(s.institution().suspendReason()).isEqualTo("abuse");
    assertThat(s.serial()).isEqualTo(f.zone.current().serial());
    List<ChangeSet> after = journal();
    assertThat(after).hasSize(changeSets + 1);
    ChangeSet purge = after.get(after.size() - 1);
    assertThat(purge.fromSerial()).isEqualTo(before);
    assertThat(purge.toSerial()).isEqualTo(s.serial());
    assertThat(purge.added()).isEmpty();
    assertThat(purge.removed()).containsExactlyInAnyOrder("a1.example.org", "a2.example.org");
    assertThat(f.zone.current().contains("shared.example.org")).isTrue();
    assertThat(f.zone.current().contains("b-only.example.org")).isTrue();

    EntryStore.EntryRow shared = f.entry("shared.example.org").get();
    assertThat(shared.expiresAt())
        .as("Uni A's re-submission no longer extends it")
        .isEqualTo(bLatest.plus(GovernanceFixture.LIFETIME));
    assertThat(f.sources("shared.example.org"))
        .extracting(EntryStore.EntrySource::institution)
        .containsExactly("Uni B");
  }

  @Test
  void aNameTheOperatorAlsoAddedStays() {
    submit(GovernanceFixture.A, "op.example.org", "a-only.example.org");
    Instant operatorAdded = f.clock.instant();
    f.db.inTransaction(
        c -> {
          try (var ps =
              c.prepareStatement(
                  "INSERT INTO operator_entries (name, added_by, reason, first_added, last_added)"
                      + " VALUES ('op.example.org', 'operator', 'seen in our SOC', ?, ?)")) {
            ps.setLong(1, operatorAdded.toEpochMilli());
            ps.setLong(2, operatorAdded.toEpochMilli());
            return ps.executeUpdate();
          }
        });
    f.clock.advance(Duration.ofHours(1));
    Suspension s =
        ((Mutation.Done<Suspension>) suspensions.suspend("Uni A", null, "review", true)).value();
    assertThat(s.purgedNames()).isEqualTo(1);
    assertThat(f.zone.current().contains("a-only.example.org")).isFalse();
    assertThat(f.zone.current().contains("op.example.org")).isTrue();
    assertThat(f.entry("op.example.org").get().expiresAt())
        .isEqualTo(operatorAdded.plus(GovernanceFixture.LIFETIME));
  }

  @Test
  void aSharedNameWhoseOtherSupportRanOutGoesToo() {
    submit(GovernanceFixture.B, "old.example.org");
    f.clock.advance(Duration.ofDays(29));
    submit(GovernanceFixture.A, "old.example.org");
    f.clock.advance(Duration.ofDays(2)); // Uni B's submission alone would have expired a day ago
    Suspension s =
        ((Mutation.Done<Suspension>) suspensions.suspend("Uni A", null, "gone", true)).value();
    assertThat(s.purgedNames()).isEqualTo(1);
    assertThat(f.zone.current().contains("old.example.org")).isFalse();
  }

  @Test
  void withoutPurgeTheEntriesKeepTheirExpiryAndNoSerialIsSpent() {
    submit(GovernanceFixture.A, "kept.example.org");
    long serial = f.zone.current().serial();
    Suspension s =
        ((Mutation.Done<Suspension>) suspensions.suspend("Uni A", null, "review", false)).value();
    assertThat(s.purgedNames()).isNull();
    assertThat(s.serial()).isNull();
    assertThat(f.zone.current().serial()).isEqualTo(serial);
    assertThat(f.zone.current().contains("kept.example.org")).isTrue();
    assertThat(f.sources("kept.example.org")).hasSize(1);
  }

  @Test
  void aRefusedSuspensionPurgesNothing() {
    submit(GovernanceFixture.A, "safe.example.org");
    assertThat(suspensions.suspend("Uni A", null, " ", true)).isInstanceOf(Mutation.Invalid.class);
    assertThat(suspensions.suspend("Uni A", Instant.parse("2020-01-01T00:00:00Z"), "x", true))
        .isInstanceOf(Mutation.Invalid.class);
    assertThat(suspensions.suspend("Nobody", null, "x", true))
        .isInstanceOf(Mutation.NotFound.class);
    assertThat(f.zone.current().contains("safe.example.org")).isTrue();
    assertThat(f.directory.institution("Uni A").orElseThrow().suspended()).isFalse();
  }

  @Test
  void purgingAnInstitutionWithoutEntriesSpendsNoSerial() {
    submit(GovernanceFixture.B, "b.example.org");
    long serial = f.zone.current().serial();
    Suspension s =
        ((Mutation.Done<Suspension>) suspensions.suspend("Uni A", null, "idle", true)).value();
    assertThat(s.purgedNames()).isZero();
    assertThat(s.serial()).isNull();
    assertThat(f.zone.current().serial()).isEqualTo(serial);
  }
}
