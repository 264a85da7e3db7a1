package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.rpzx.dist.api.Json;

/**
 * SPEC §8 over the real edges: the operator suspends an institution with {@code rpzx institution
 * suspend}; a real SMTP client (Jakarta Mail) then gets {@code 550 5.7.1} naming the date and the
 * reason, an HTTP submission with the institution's token 403; after {@code resume} mail is
 * accepted again.
 */
class InstitutionSuspensionIT extends ServiceTestBase {

  private static final String INSTITUTION = "Example University";

  private RpzxHarness.CliResult cli(String... args) {
    return RpzxHarness.cli(service, args);
  }

  /** The server's reply to the end of DATA, also when it is a refusal. */
  private String mailReply(String domainsTxt) throws Exception {
    try {
      return RpzxHarness.mail(service, SENDER, COMMUNITY, domainsTxt);
    } catch (SMTPSendFailedException e) {
      return e.getMessage().strip();
    }
  }

  private int httpSubmit(String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + service.apiAddress().getPort()
                            + "/api/v1/submissions"))
                .header("Authorization", "Token " + token)
                .POST(HttpRequest.BodyPublishers.ofString("evil-http.example\n"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void suspendedInstitutionsMailIsRefusedWithReasonAndDateUntilResumed() throws Exception {
    service = startFromConfigFile();
    assertThat(cli("institution", "add", INSTITUTION).exitCode()).isZero();
    assertThat(cli("sender", "add", SENDER, "--institution", INSTITUTION).exitCode()).isZero();
    RpzxHarness.CliResult token =
        cli("token", "create", "--institution", INSTITUTION, "--scope", "submit", "--json");
    String submitToken = Json.MAPPER.readTree(token.out()).get("token").asText();
    assertThat(mailReply("before.example\n")).startsWith("250 2.0.0 submission");

    String until = LocalDate.now(ZoneOffset.UTC).plusDays(40).toString();
    RpzxHarness.CliResult suspend =
        cli(
            "institution",
            "suspend",
            INSTITUTION,
            "--until",
            until,
            "--reason",
            "false positives under review");
    assertThat(suspend.exitCode()).as(suspend.err()).isZero();
    assertThat(suspend.out())
        .contains(INSTITUTION + ": suspended until " + until + "T00:00:00Z")
        .contains("false positives under review");

    String refused = mailReply("during.example\n");
    assertThat(refused)
        .isEqualTo(
            "550 5.7.1 institution Example University is suspended until "
                + until
                + "T00:00:00Z: false positives under review");
    assertThat(httpSubmit(submitToken)).isEqualTo(403);

    JsonNode listed = Json.MAPPER.readTree(cli("institution", "list", "--json").out());
    assertThat(listed.get(0).get("status").asText()).isEqualTo("suspended");
    assertThat(listed.get(0).get("suspended_until").asText()).isEqualTo(until + "T00:00:00Z");
    assertThat(cli("institution", "list").out())
        .containsPattern("Example University +suspended +" + until + "T00:00:00Z +false positives");
    JsonNode shown = Json.MAPPER.readTree(cli("institution", "show", INSTITUTION, "--json").out());
    assertThat(shown.get("status").asText()).isEqualTo("suspended");
    assertThat(shown.get("suspend_reason").asText()).isEqualTo("false positives under review");
    assertThat(shown.get("senders")).extracting(JsonNode::asText).containsExactly(SENDER);
    JsonNode entries = Json.MAPPER.readTree(cli("entries", "list", "--json").out());
    assertThat(entries.get("entries"))
        .as("its entries keep their own expiry")
        .extracting(e -> e.get("name").asText())
        .containsExactly("before.example");

    RpzxHarness.CliResult resume = cli("institution", "resume", INSTITUTION);
    assertThat(resume.exitCode()).as(resume.err()).isZero();
    assertThat(resume.out().strip()).isEqualTo(INSTITUTION + ": active");
    assertThat(mailReply("after.example\n")).startsWith("250 2.0.0 submission");
    assertThat(httpSubmit(submitToken)).isEqualTo(201);
    assertThat(cli("institution", "show", INSTITUTION).out()).contains("status:       active");
  }

  @Test
  void badSuspensionsChangeNothingAndSayWhy() throws Exception {
    service = startFromConfigFile();
    assertThat(cli("institution", "add", INSTITUTION).exitCode()).isZero();
    assertThat(cli("sender", "add", SENDER, "--institution", INSTITUTION).exitCode()).isZero();

    RpzxHarness.CliResult badDate =
        cli("institution", "suspend", INSTITUTION, "--until", "next week", "--reason", "x");
    assertThat(badDate.exitCode()).isEqualTo(7);
    assertThat(badDate.err().strip())
        .isEqualTo(
            "rpzx: error: until must be a date (2026-12-31) or a time (2026-12-31T00:00:00Z),"
                + " not next week (HTTP 400)");
    assertThat(
            cli("institution", "suspend", INSTITUTION, "--until", "2020-01-01", "--reason", "x")
                .exitCode())
        .as("in the past")
        .isEqualTo(7);
    assertThat(cli("institution", "suspend", INSTITUTION, "--reason", " ").exitCode()).isEqualTo(7);
    RpzxHarness.CliResult noReason = cli("institution", "suspend", INSTITUTION);
    assertThat(noReason.exitCode()).as("--reason is required").isEqualTo(2);
    assertThat(cli("institution", "suspend", "Nobody", "--reason", "x").exitCode()).isEqualTo(5);
    assertThat(cli("institution", "resume", "Nobody").exitCode()).isEqualTo(5);
    assertThat(cli("institution", "show", "Nobody").exitCode()).isEqualTo(5);

    assertThat(cli("institution", "show", INSTITUTION).out()).contains("active");
    assertThat(mailReply("still.example\n")).startsWith("250 2.0.0");
  }
}
