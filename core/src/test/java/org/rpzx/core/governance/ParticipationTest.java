package org.rpzx.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The participation rule itself: the window's edges and the notices. */
class ParticipationTest {

  private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void aContactExactlyAtTheWindowsStartCountsOneMillisecondEarlierDoesNot() {
    Instant edge = NOW.minus(WEEK);
    assertThat(Participation.assess("Uni A", 1, edge, NOW, WEEK).participating()).isTrue();
    Participation late = Participation.assess("Uni A", 1, edge.minusMillis(1), NOW, WEEK);
    assertThat(late.participating()).isFalse();
    assertThat(late.notice())
        .contains(
            "institution Uni A is not participating: none of its consumers checked the zone in"
                + " the last 7 days");
    assertThat(Participation.assess("Uni A", 2, NOW, NOW, WEEK).notice()).isEmpty();
  }

  @Test
  void consumersThatNeverCheckedDoNotParticipate() {
    Participation never = Participation.assess("Uni A", 3, null, NOW, WEEK);
    assertThat(never.participating()).isFalse();
    assertThat(never.lastZoneContact()).isNull();
    assertThat(never.notice().orElseThrow()).endsWith("in the last 7 days");
  }

  @Test
  void anInstitutionWithoutConsumersDoesNotParticipateEvenWithAStaleContactTime() {
    Participation none = Participation.assess("Uni B", 0, NOW, NOW, WEEK);
    assertThat(none.participating()).isFalse();
    assertThat(none.notice())
        .contains(
            "institution Uni B is not participating: it has no registered consumers of the zone");
  }

  @Test
  void theWindowIsSpelledAsPeopleSayIt() {
    assertThat(DurationText.of(Duration.ofDays(1))).isEqualTo("1 day");
    assertThat(DurationText.of(Duration.ofHours(36))).isEqualTo("36 hours");
    assertThat(DurationText.of(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    assertThat(DurationText.of(Duration.ofSeconds(61))).isEqualTo("61 seconds");
    assertThat(Participation.assess("X", 1, null, NOW, Duration.ofHours(12)).notice().orElseThrow())
        .endsWith("in the last 12 hours");
  }
}
