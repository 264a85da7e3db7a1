package org.rpzx.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.consumer.TransferKind;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.SenderAuthorizer;
import org.rpzx.core.submission.SenderCheck;

/** Participation from the stored transfer log, and the refusal of a sender in refuse mode. */
class ParticipationPolicyTest {

  @TempDir Path dir;
  private GovernanceFixture f;
  private Institution uniA;
  private Institution uniB;

  @BeforeEach
  void setUp() {
    f = new GovernanceFixture(dir);
    uniA = f.directory.institution("Uni A").orElseThrow();
    uniB = f.directory.institution("Uni B").orElseThrow();
    f.addConsumer("a-resolver", "Uni A");
    f.addConsumer("a-other", "Uni A");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private ParticipationPolicy policy(ParticipationMode mode) {
    return new ParticipationPolicy(f.db, f.clock, mode, Duration.ofDays(7));
  }

  @Test
  void anSoaCheckByAnyConsumerCountsForSevenDaysToTheMillisecond() {
    ParticipationPolicy refuse = policy(ParticipationMode.REFUSE);
    assertThat(refuse.check(uniA))
        .isEqualTo(
            new ParticipationCheck.Refused(
                "institution Uni A is not participating: none of its consumers checked the zone"
                    + " in the last 7 days"));

    f.contact("a-other", TransferKind.SOA_QUERY);
    java.time.Instant contact = f.clock.instant();
    assertThat(refuse.check(uniA)).isEqualTo(new ParticipationCheck.Participating());
    assertThat(refuse.of(uniA).lastZoneContact()).isEqualTo(contact);

    f.clock.advance(Duration.ofDays(7));
    assertThat(refuse.of(uniA).participating()).as("exactly 7 days later").isTrue();
    f.clock.advance(Duration.ofMillis(1));
    assertThat(refuse.of(uniA).participating()).isFalse();
    assertThat(refuse.check(uniA)).isInstanceOf(ParticipationCheck.Refused.class);

    f.contact("a-resolver", TransferKind.IXFR_UP_TO_DATE);
    assertThat(refuse.of(uniA).participating()).as("a transfer counts too").isTrue();
    assertThat(refuse.of(uniA).lastZoneContact()).isEqualTo(f.clock.instant());
  }

  @Test
  void consumersThatNeverAskedHaveNoLastContact() {
    Participation p = policy(ParticipationMode.WARN).of(uniA);
    assertThat(p.consumers()).isEqualTo(2);
    assertThat(p.lastZoneContact()).isNull();
    assertThat(policy(ParticipationMode.WARN).all().get(0).lastZoneContact()).isNull();
  }

  @Test
  void theLatestOfSoaCheckAndTransferOfAllConsumersIsTheLastContact() {
    f.contact("a-resolver", TransferKind.AXFR);
    f.clock.advance(Duration.ofHours(1));
    f.contact("a-other", TransferKind.SOA_QUERY);
    java.time.Instant latest = f.clock.instant();
    f.clock.advance(Duration.ofHours(1));
    assertThat(policy(ParticipationMode.WARN).of(uniA).lastZoneContact()).isEqualTo(latest);
    assertThat(policy(ParticipationMode.WARN).of(uniA).consumers()).isEqualTo(2);
  }

  @Test
  void warnModeWarnsRefuseModeRefusesTheSenderWithTheReason() {
    assertThat(policy(ParticipationMode.WARN).check(uniB))
        .isEqualTo(
            new ParticipationCheck.Warned(
                "institution Uni B is not participating: it has no registered consumers of the"
                    + " zone"));
    SenderAuthorizer warn =
        new SenderAuthorizer(f.db, f.clock, false, policy(ParticipationMode.WARN));
    assertThat(warn.check(GovernanceFixture.B, AuthMethod.FROM_HEADER))
        .isInstanceOf(SenderCheck.Authorized.class);
    SenderAuthorizer refuse =
        new SenderAuthorizer(f.db, f.clock, false, policy(ParticipationMode.REFUSE));
    assertThat(refuse.check(GovernanceFixture.B, AuthMethod.FROM_HEADER))
        .isEqualTo(
            new SenderCheck.Unauthorized(
                "institution Uni B is not participating: it has no registered consumers of the"
                    + " zone"));
    f.contact("a-resolver", TransferKind.SOA_QUERY);
    assertThat(refuse.check(GovernanceFixture.A, AuthMethod.FROM_HEADER))
        .isInstanceOf(SenderCheck.Authorized.class);
  }

  @Test
  void allListsEveryInstitutionInTheDirectorysOrder() {
    f.contact("a-resolver", TransferKind.SOA_QUERY);
    assertThat(policy(ParticipationMode.WARN).all())
        .extracting(
            Participation::institution, Participation::consumers, Participation::participating)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Uni A", 2, true),
            org.assertj.core.groups.Tuple.tuple("Uni B", 0, false));
  }

  @Test
  void aRemovedConsumersContactNoLongerCounts() {
    f.contact("a-resolver", TransferKind.SOA_QUERY);
    f.consumers.remove("a-resolver");
    assertThat(policy(ParticipationMode.WARN).of(uniA).participating()).isFalse();
    assertThat(policy(ParticipationMode.WARN).of(uniA).consumers()).isEqualTo(1);
  }
}
