package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rpzx.dist.api.Json;

/**
 * The plausibility guard (SPEC §8) over SMTP, HTTP and DNS: after two normal submissions, one with
 * mostly rejected lines is answered 250 "held for operator review", stored, and not in the AXFR;
 * {@code rpzx submissions release} puts its names in the zone, and a second release is a conflict.
 * An HTTP submission far larger than any before is answered 202 and can be discarded.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PlausibilityGuardIT extends GovernanceTestBase {

  private static final Pattern ID = Pattern.compile("submission (\\d+):");

  private static long id(String reply) {
    Matcher m = ID.matcher(reply);
    assertThat(m.find()).as(reply).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void implausibleSubmissionsAreHeldUntilReleasedOrDiscarded() throws Exception {
    service =
        startFromConfigFile(
            "governance:", "  plausibility:", "    enabled: true", "    min-history: 2");
    institution("Uni A", SENDER);
    assertThat(mail(SENDER, "one.example", "two.example"))
        .matches("250 2\\.0\\.0 submission \\d+: 2 accepted, 0 rejected");
    assertThat(mail(SENDER, "three.example"))
        .matches("250 2\\.0\\.0 submission \\d+: 1 accepted, 0 rejected");

    String reply = mail(SENDER, "bad.example", "com", "net", "org");
    assertThat(reply)
        .matches(
            "250 2\\.0\\.0 submission \\d+: 1 accepted, 3 rejected; held for operator review \\(3"
                + " of 4 lines rejected, more than 50%\\)");
    long held = id(reply);
    assertThat(axfrNames()).containsExactly("one.example", "three.example", "two.example");

    JsonNode list = json("submissions", "held");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("id").asLong()).isEqualTo(held);
    assertThat(list.get(0).get("status").asText()).isEqualTo("held");
    assertThat(list.get(0).get("hold_reason").asText())
        .isEqualTo("3 of 4 lines rejected, more than 50%");
    assertThat(json("submissions", "list", "--held")).isEqualTo(list);
    assertThat(cli("submissions", "show", String.valueOf(held)).out())
        .contains("status: held (3 of 4 lines rejected, more than 50%)");

    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      big.append("big").append(i).append(".example\n");
    }
    HttpResponse<String> http = httpSubmit(submitToken("Uni A"), big.toString());
    assertThat(http.statusCode()).isEqualTo(202);
    JsonNode httpResult = Json.MAPPER.readTree(http.body());
    assertThat(httpResult.get("held").asBoolean()).isTrue();
    assertThat(httpResult.get("hold_reason").asText())
        .isEqualTo("21 lines, more than 10 times the largest earlier submission (2 lines)");
    long bigId = httpResult.get("id").asLong();
    assertThat(json("submissions", "held")).hasSize(2);

    RpzxHarness.CliResult release = cli("submissions", "release", String.valueOf(held));
    assertThat(release.exitCode()).as(release.err()).isZero();
    long serial = service.zone().current().serial();
    assertThat(release.out().strip())
        .isEqualTo(
            "submission " + held + " released: 1 names applied (zone serial " + serial + ")");
    assertThat(axfrNames())
        .containsExactly("bad.example", "one.example", "three.example", "two.example");

    RpzxHarness.CliResult again = cli("submissions", "release", String.valueOf(held));
    assertThat(again.exitCode()).as("409").isEqualTo(6);
    assertThat(again.err())
        .contains("submission " + held + " is not held for review (it is applied) (HTTP 409)");
    assertThat(cli("submissions", "discard", String.valueOf(held)).exitCode()).isEqualTo(6);

    assertThat(cli("submissions", "discard", String.valueOf(bigId)).exitCode()).isZero();
    assertThat(cli("submissions", "release", String.valueOf(bigId)).exitCode()).isEqualTo(6);
    assertThat(cli("submissions", "release", "999999").exitCode()).isEqualTo(5);
    assertThat(json("submissions", "held")).isEmpty();
    assertThat(axfrNames()).doesNotContain("big0.example");
    assertThat(json("submissions", "show", String.valueOf(bigId)).at("/submission/status").asText())
        .isEqualTo("discarded");
  }
}
