package org.rpzx.dist.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void readsEveryUnit() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse(" 10s ")).isEqualTo(Duration.ofSeconds(10));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
  }

  /** Found by ApiBodyFuzzTest: an overflow was an ArithmeticException (a 500 at the API). */
  @Test
  void aDurationTooLongForJavaIsAClearError() {
    for (String text :
        new String[] {"07766279631452241918d", "99999999999999999999s", "9223372036854775807h"}) {
      assertThatThrownBy(() -> Durations.parse(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("too long");
    }
  }

  @Test
  void somethingElseIsRejected() {
    assertThatThrownBy(() -> Durations.parse("soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a duration");
  }
}
