package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rpzx.dist.api.Json;

/**
 * {@code rpzx consumer add|list|show|remove} against a running service: the secret is printed by
 * {@code add} and appears nowhere else, errors map to the documented exit codes, and a removed
 * consumer's key no longer exists.
 */
class ConsumerCommandIT extends ServiceTestBase {

  private RpzxHarness.CliResult cli(String... args) {
    return RpzxHarness.cli(service, args);
  }

  @Test
  void addListShowRemoveWithExitCodes() throws Exception {
    service = startFromConfigFile();
    assertThat(cli("institution", "add", "Uni A").exitCode()).isZero();

    RpzxHarness.CliResult keyed =
        cli(
            "consumer",
            "add",
            "uni-a-pdns",
            "--institution",
            "Uni A",
            "--tsig-key",
            "uni-a-key",
            "--algorithm",
            "hmac-sha512",
            "--notify",
            "[::1]:5300",
            "--json");
    assertThat(keyed.exitCode()).as(keyed.err()).isZero();
    JsonNode created = Json.MAPPER.readTree(keyed.out());
    String secret = created.get("secret").asText();
    assertThat(java.util.Base64.getDecoder().decode(secret)).hasSize(64);
    assertThat(created.at("/consumer/tsig_key/algorithm").asText()).isEqualTo("hmac-sha512");
    assertThat(created.at("/consumer/notify_targets/0").asText()).isEqualTo("[::1]:5300");

    RpzxHarness.CliResult plain =
        cli("consumer", "add", "uni-a-unbound", "--institution", "Uni A", "--allow", "10.1.2.3/16");
    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(plain.out())
        .contains("rpz:")
        .contains("primary: 127.0.0.1@" + service.dnsTcpAddress().getPort())
        .contains("rpzPrimary(")
        .contains("response-policy");

    RpzxHarness.CliResult list = cli("consumer", "list");
    assertThat(list.out()).contains("uni-a-pdns").contains("uni-a-unbound").contains("10.1.0.0/16");
    assertThat(list.out() + cli("consumer", "list", "--json").out())
        .as("the secret is shown once, by add")
        .doesNotContain(secret);
    RpzxHarness.CliResult show = cli("consumer", "show", "uni-a-pdns");
    assertThat(show.out())
        .contains("uni-a-key (hmac-sha512)")
        .contains("never")
        .doesNotContain(secret);

    assertThat(
            cli("consumer", "add", "uni-a-pdns", "--institution", "Uni A", "--allow", "10.0.0.1")
                .exitCode())
        .as("conflict")
        .isEqualTo(6);
    assertThat(
            cli("consumer", "add", "x", "--institution", "Uni A", "--allow", "resolver.example")
                .exitCode())
        .as("invalid: names are not looked up")
        .isEqualTo(7);
    assertThat(
            cli("consumer", "add", "x", "--institution", "Nobody", "--allow", "10.0.0.1")
                .exitCode())
        .isEqualTo(5);
    assertThat(cli("consumer", "show", "nobody").exitCode()).isEqualTo(5);

    assertThat(cli("consumer", "remove", "uni-a-pdns").exitCode()).isZero();
    assertThat(cli("consumer", "remove", "uni-a-pdns").exitCode()).isEqualTo(5);
    assertThat(
            cli("consumer", "add", "again", "--institution", "Uni A", "--tsig-key", "uni-a-key")
                .exitCode())
        .as("the key went with its consumer")
        .isZero();
    JsonNode status = Json.MAPPER.readTree(cli("zone", "status", "--json").out());
    assertThat(status.get("consumers")).hasSize(2);
    assertThat(status.at("/consumers/0/state").asText()).isEqualTo("never");
  }
}
