package org.rpzx.core.governance;

import java.util.Locale;
import java.util.Optional;

/** What happens to submissions of an institution that does not participate in the zone. */
public enum ParticipationMode {
  /** Accepted; the submitter and the operator see a warning. */
  WARN("warn"),
  /** Refused: mail with {@code 550 5.7.1}, HTTP with 403, naming the reason. */
  REFUSE("refuse");

  private final String code;

  ParticipationMode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<ParticipationMode> parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (ParticipationMode m : values()) {
      if (m.code.equals(t)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
