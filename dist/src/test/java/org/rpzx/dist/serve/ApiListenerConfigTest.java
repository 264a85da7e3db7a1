package org.rpzx.dist.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.dist.config.ConfigException;
import org.rpzx.dist.config.RpzxConfig;

class ApiListenerConfigTest {

  @TempDir Path dir;

  @Test
  void noTlsWithoutEitherKey() {
    assertThat(ApiListenerConfig.tls(null, null)).isNull();
    assertThat(ApiListenerConfig.tls(" ", "")).isNull();
  }

  @Test
  void oneKeyAloneIsAnErrorNamingTheMissingOne() {
    assertThatThrownBy(() -> ApiListenerConfig.tls("/etc/rpzx/cert.pem", null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("api.tls-key is required");
    assertThatThrownBy(() -> ApiListenerConfig.tls(null, "/etc/rpzx/key.pem"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("api.tls-certificate is required");
  }

  @Test
  void unreadableOrInvalidFilesNameTheirKey() throws Exception {
    Path missing = dir.resolve("missing.pem");
    Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
    assertThatThrownBy(() -> ApiListenerConfig.tls(missing.toString(), junk.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("api.tls-certificate: cannot read " + missing);
    assertThatThrownBy(() -> ApiListenerConfig.tls(junk.toString(), missing.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("api.tls-key: cannot read " + missing);
    assertThatThrownBy(() -> ApiListenerConfig.tls(junk.toString(), junk.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("api.tls-certificate/api.tls-key: ")
        .hasMessageContaining("junk.pem");
  }

  @Test
  void exportSubnetsAreParsedAndBadOnesNamed() {
    var listener =
        ApiListenerConfig.from(
            new RpzxConfig.Api("127.0.0.1:0", null, null, List.of("127.0.0.0/8", "::1")));
    assertThat(listener.tls()).isNull();
    assertThat(listener.exportAllowedSubnets()).hasSize(2);
    assertThatThrownBy(() -> ApiListenerConfig.subnets(List.of("10.0.0.0/33")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("api.export-allowed-subnets: ");
  }
}
