package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC §8 participation over the real edges: with {@code governance.participation: refuse} mail
 * from an institution none of whose consumers checked the zone gets {@code 550 5.7.1} naming the
 * reason (HTTP: 403); once its consumer sends an SOA query (dnsjava, from the consumer's subnet)
 * the same mail gets 250. With {@code warn} the submission is accepted, the HTTP answer carries the
 * warning and {@code rpzx institution list} flags the institution.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ParticipationIT extends GovernanceTestBase {

  private static final String UNI = "Example University";

  private void awaitParticipating(String institution) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (json("institution", "show", institution).get("participating").asBoolean()) {
        return;
      }
      Thread.sleep(50); // the transfer log is written by its own thread
    }
    throw new AssertionError(institution + " never became participating");
  }

  @Test
  void refuseRefusesMailAndHttpUntilAConsumerChecksTheZone() throws Exception {
    service = startFromConfigFile("governance:", "  participation: refuse");
    institution(UNI, SENDER);
    String token = submitToken(UNI);

    assertThat(mail(SENDER, "early.example"))
        .isEqualTo(
            "550 5.7.1 institution Example University is not participating: it has no registered"
                + " consumers of the zone");

    RpzxHarness.CliResult consumer =
        cli("consumer", "add", "uni-resolver", "--institution", UNI, "--allow", "127.0.0.0/8");
    assertThat(consumer.exitCode()).as(consumer.err()).isZero();
    String notice =
        "institution Example University is not participating: none of its consumers checked the"
            + " zone in the last 7 days";
    assertThat(mail(SENDER, "early.example")).isEqualTo("550 5.7.1 " + notice);
    var refused = httpSubmit(token, "early.example\n");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains(notice);
    JsonNode before = json("institution", "show", UNI);
    assertThat(before.get("participating").asBoolean()).isFalse();
    assertThat(before.get("last_zone_contact").isNull()).isTrue();
    assertThat(before.get("participation").asText()).isEqualTo(notice);
    assertThat(cli("institution", "show", UNI).out())
        .contains("participates: no (" + notice + ")")
        .contains("zone contact: never");

    Instant asked = Instant.now().minusSeconds(1);
    soaQuery();
    awaitParticipating(UNI);

    assertThat(mail(SENDER, "late.example"))
        .matches("250 2\\.0\\.0 submission \\d+: 1 accepted, 0 rejected");
    assertThat(httpSubmit(token, "http.example\n").statusCode()).isEqualTo(201);
    JsonNode listed = json("institution", "list").get(0);
    assertThat(listed.get("participating").asBoolean()).isTrue();
    assertThat(Instant.parse(listed.get("last_zone_contact").asText())).isAfter(asked);
    assertThat(cli("institution", "list").out())
        .containsPattern(
            "Example University +active +- +- +yes +" + listed.get("last_zone_contact").asText());
    assertThat(axfrNames()).containsExactly("http.example", "late.example");
  }

  @Test
  void warnAcceptsAndFlags() throws Exception {
    service =
        startFromConfigFile("governance:", "  participation: warn", "  participation-window: 2d");
    institution(UNI, SENDER);
    assertThat(
            cli("consumer", "add", "r1", "--institution", UNI, "--allow", "192.0.2.0/24")
                .exitCode())
        .isZero();

    assertThat(mail(SENDER, "warned.example"))
        .as("accepted; the SMTP reply keeps the form of SPEC §2")
        .matches("250 2\\.0\\.0 submission \\d+: 1 accepted, 0 rejected");
    var http = httpSubmit(submitToken(UNI), "warned-http.example\n");
    assertThat(http.statusCode()).isEqualTo(201);
    JsonNode result = org.rpzx.dist.api.Json.MAPPER.readTree(http.body());
    assertThat(result.get("warnings").get(0).asText())
        .isEqualTo(
            "institution Example University is not participating: none of its consumers checked"
                + " the zone in the last 2 days");
    assertThat(axfrNames()).containsExactly("warned-http.example", "warned.example");
    assertThat(cli("institution", "list").out())
        .containsPattern("Example University +active.* no +never");
  }
}
