package org.rpzx.dist.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidatorTest {

  @TempDir Path dir;

  private java.util.List<String> problems(String yaml) throws Exception {
    Path f = dir.resolve("rpzx.yaml");
    Files.writeString(f, yaml);
    return ConfigValidator.problems(ConfigLoader.load(f));
  }

  @Test
  void theEmbeddedDefaultsAreValid() {
    assertThat(ConfigValidator.problems(RpzxConfig.defaults())).isEmpty();
  }

  @Test
  void everyProblemNamesItsKey() throws Exception {
    assertThat(
            problems(
                """
                smtp:
                  listen: "localhost"
                  community-addresses: [ "not-an-address" ]
                  max-message-size: 10
                  max-connections: 5
                  max-connections-per-source: 6
                  require-tls: true
                dns:
                  allow-transfer: [ "10.0.0.0/33" ]
                api:
                  tls-certificate: /nonexistent/cert.pem
                  export-allowed-subnets: [ "example.org" ]
                zone:
                  origin: "bad..origin"
                  refresh: 0
                entries:
                  lifetime: "30 days"
                  coalesce-window: "0s"
                  sweep-interval: "0s"
                top-sites:
                  n: 0
                  url: "ftp://example.org/list.zip"
                allowlist:
                  file: /nonexistent/allow.txt
                """))
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactlyInAnyOrder(
            "smtp.listen",
            "smtp.community-addresses",
            "smtp.max-message-size",
            "smtp.require-tls",
            "smtp.max-connections-per-source",
            "dns.allow-transfer",
            "api.tls-key",
            "api.tls-certificate",
            "api.export-allowed-subnets",
            "zone.origin",
            "zone.refresh",
            "entries.lifetime",
            "entries.sweep-interval",
            "top-sites.n",
            "top-sites.url",
            "allowlist.file");
  }

  @Test
  void coalescingMustBeShorterThanTheLifetime() throws Exception {
    assertThat(problems("entries:\n  lifetime: 1h\n  coalesce-window: 2h\n"))
        .containsExactly("entries.coalesce-window: must be shorter than entries.lifetime");
  }

  @Test
  void tlsNeedsBothCertificateAndKey() throws Exception {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
    assertThat(problems("api:\n  tls-certificate: " + cert + "\n"))
        .containsExactly("api.tls-key: needed with api.tls-certificate");
    assertThat(problems("api:\n  tls-certificate: " + cert + "\n  tls-key: " + cert + "\n"))
        .isEmpty();
  }

  @Test
  void checkListsEveryProblemInOneMessage() {
    RpzxConfig bad =
        new RpzxConfig("", null, new RpzxConfig.Dns("nowhere", null), null, null, null, null);
    assertThatThrownBy(() -> ConfigValidator.check(bad))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("data-dir: must not be empty")
        .hasMessageContaining("dns.listen: expected HOST:PORT");
  }
}
