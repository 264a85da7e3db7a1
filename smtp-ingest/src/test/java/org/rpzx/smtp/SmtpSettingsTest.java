package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
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
    assertThat(s.sessionTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.dataTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.messagesPerMinutePerSource()).isEqualTo(10);
    assertThat(s.tls()).isNull();
    assertThat(s.requireTls()).isFalse();
    assertThat(s.smimeConfigured()).isFalse();
    assertThat(s.withDeadlines(Duration.ofSeconds(3), Duration.ofSeconds(2)))
        .extracting(SmtpSettings::sessionTimeout, SmtpSettings::dataTimeout)
        .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(2));
    assertThat(s.withMessagesPerMinutePerSource(4).messagesPerMinutePerSource()).isEqualTo(4);
    assertThat(s.withMaxRecipients(2).maxRecipients()).isEqualTo(2);
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
    assertThatThrownBy(() -> ok.withDeadlines(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ok.withDeadlines(Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ok.withMessagesPerMinutePerSource(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ok.withTls(null, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requireTls needs a TLS certificate");
    assertThatThrownBy(() -> ok.withSmimeTrustAnchors(Path.of("/nonexistent/anchors.pem")))
        .isInstanceOf(IOException.class);
  }
}
