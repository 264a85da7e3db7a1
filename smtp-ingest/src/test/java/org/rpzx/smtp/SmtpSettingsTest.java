package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {

  private final InetAddress lo = InetAddress.getLoopbackAddress();

  @Test
  void defaultsMatchTheSpec() {
    SmtpSettings s = SmtpSettings.of(lo, 25, "mx.example", List.of("rpz@community.example"));
    assertThat(s.maxMessageBytes()).isEqualTo(26_214_400);
    assertThat(s.readTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.withMaxMessageBytes(1000).maxMessageBytes()).isEqualTo(1000);
    assertThat(s.withConnectionLimits(3, 2))
        .extracting(SmtpSettings::maxConnections, SmtpSettings::maxConnectionsPerSource)
        .containsExactly(3, 2);
  }

  @Test
  void refusesNonsense() {
    List<String> community = List.of("rpz@community.example");
    assertThatThrownBy(() -> SmtpSettings.of(lo, 70000, "mx.example", community))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmtpSettings.of(lo, 25, " ", community))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmtpSettings.of(lo, 25, "mx.example", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    SmtpSettings ok = SmtpSettings.of(lo, 25, "mx.example", community);
    assertThatThrownBy(() -> ok.withMaxMessageBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ok.withConnectionLimits(1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ok.withReadTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
