package org.rpzx.core.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an institution participates in the zone (SPEC §8): it does when at least one of its
 * consumers asked for the zone's SOA, AXFR or IXFR within the window, i.e. at or after {@code now -
 * window}. An institution without consumers does not participate: nothing of the zone reaches its
 * resolvers.
 *
 * @param institution the institution's name
 * @param consumers how many consumers it has registered
 * @param lastZoneContact the latest SOA check or transfer by any of them; null: never
 * @param participating the verdict at the time it was assessed
 * @param window the participation window it was assessed with
 */
public record Participation(
    String institution,
    int consumers,
    Instant lastZoneContact,
    boolean participating,
    Duration window) {

  public Participation {
    Objects.requireNonNull(institution);
    Objects.requireNonNull(window);
  }

  /** The rule: a contact at or after {@code now - window} counts. */
  public static Participation assess(
      String institution, int consumers, Instant lastZoneContact, Instant now, Duration window) {
    boolean recent =
        consumers > 0 && lastZoneContact != null && !lastZoneContact.isBefore(now.minus(window));
    return new Participation(institution, consumers, lastZoneContact, recent, window);
  }

  /**
   * Why it does not participate, for the submitter and the operator, e.g. {@code institution Uni A
   * is not participating: none of its consumers checked the zone in the last 7 days}; empty when it
   * participates.
   */
  public Optional<String> notice() {
    if (participating) {
      return Optional.empty();
    }
    String why =
        consumers == 0
            ? "it has no registered consumers of the zone"
            : "none of its consumers checked the zone in the last " + DurationText.of(window);
    return Optional.of("institution " + institution + " is not participating: " + why);
  }
}
