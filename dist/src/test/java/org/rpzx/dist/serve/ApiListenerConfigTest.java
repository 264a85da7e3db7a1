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

  // a missing key, an unreadable file or a bad subnet: ConfigValidatorTest (checked before start)

  @Test
  void aFileThatIsNotPemNamesBothKeys() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
    assertThatThrownBy(() -> ApiListenerConfig.tls(junk.toString(), junk.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("api.tls-certificate/api.tls-key: ")
        .hasMessageContaining("junk.pem");
  }

  @Test
  void exportSubnetsAreParsed() {
    var listener =
        ApiListenerConfig.from(
            new RpzxConfig.Api("127.0.0.1:0", null, null, List.of("127.0.0.0/8", "::1")));
    assertThat(listener.tls()).isNull();
    assertThat(listener.exportAllowedSubnets()).hasSize(2);
  }
}
