package org.rpzx.dist.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  private RpzxConfig load(String yaml) throws Exception {
    Path f = dir.resolve("rpzx.yaml");
    Files.writeString(f, yaml);
    return ConfigLoader.load(f);
  }

  @Test
  void missingKeysTakeTheEmbeddedDefaults() throws Exception {
    RpzxConfig c = load("smtp:\n  require-smime: true\n  smime-trust-anchors: /etc/rpzx/ca.pem\n");
    assertThat(c.smtp().requireSmime()).isTrue();
    assertThat(c.smtp().smimeTrustAnchors()).isEqualTo("/etc/rpzx/ca.pem");
    assertThat(c.smtp().listen()).isEqualTo(RpzxConfig.DEFAULT_SMTP_LISTEN);
    assertThat(c.dns().listen()).isEqualTo(RpzxConfig.DEFAULT_DNS_LISTEN);
    assertThat(c.entries().lifetime()).isEqualTo("30d");
    assertThat(c.topSites().n()).isEqualTo(10_000);
  }

  @Test
  void anEmptyFileIsTheDefaults() throws Exception {
    assertThat(load("")).isEqualTo(RpzxConfig.defaults());
  }

  @Test
  void anUnknownKeyIsAnErrorNamingIt() {
    assertThatThrownBy(() -> load("smtp:\n  listne: 127.0.0.1:25\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("smtp.listne");
  }

  @Test
  void aBadValueIsAnErrorNamingItsKey() {
    assertThatThrownBy(() -> load("top-sites:\n  n: many\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("top-sites.n");
  }

  @Test
  void durationsAndListenAddresses() {
    assertThat(Durations.parse("500ms").toMillis()).isEqualTo(500);
    assertThat(Durations.parse("30d").toDays()).isEqualTo(30);
    assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    assertThat(HostPort.parse("[::1]:5353")).isEqualTo(new HostPort("::1", 5353));
    assertThatThrownBy(() -> HostPort.parse("localhost"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
