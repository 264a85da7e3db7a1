package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rpzx.dist.api.Json;

/**
 * The operator's name lists through the CLI against a running service, and what the next HTTP
 * submission says about them: allowlist, suppressions, Top-N reload, allowlist file reload.
 */
class NameListsIT extends ServiceTestBase {

  private final HttpClient http = HttpClient.newHttpClient();
  private String submitToken;

  private RpzxHarness.CliResult ok(String... args) {
    RpzxHarness.CliResult r = RpzxHarness.cli(service, args);
    assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r;
  }

  private JsonNode json(String... args) throws Exception {
    String[] full = new String[args.length + 1];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--json";
    return Json.MAPPER.readTree(ok(full).out());
  }

  private void institutionWithToken() throws Exception {
    ok("institution", "add", "Uni A");
    submitToken =
        json("token", "create", "--institution", "Uni A", "--scope", "submit")
            .get("token")
            .asText();
  }

  /** The reason the service gives for {@code name} in a fresh submission, or "accepted". */
  private String verdict(String name) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + service.apiAddress().getPort()
                            + "/api/v1/submissions"))
                .header("Authorization", "Token " + submitToken)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(name + "\n", StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    JsonNode report = Json.MAPPER.readTree(answer.body());
    return report.get("accepted").asInt() == 1
        ? "accepted"
        : report.get("rejected_lines").get(0).get("reason").asText();
  }

  @Test
  void allowlistAndSuppressionsApplyToTheNextSubmission() throws Exception {
    service = startFromConfigFile();
    institutionWithToken();

    RpzxHarness.CliResult add = ok("allowlist", "add", "Own-Uni.example.", "--comment", "ours");
    assertThat(add.out()).startsWith("allowlisted own-uni.example");
    assertThat(verdict("www.own-uni.example")).isEqualTo("allowlist");
    JsonNode listed = json("allowlist", "list");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("name").asText()).isEqualTo("own-uni.example");
    assertThat(listed.get(0).get("source").asText()).isEqualTo("store");
    assertThat(listed.get(0).get("comment").asText()).isEqualTo("ours");
    assertThat(listed.get(0).get("added_by").asText()).startsWith("token:");
    assertThat(ok("allowlist", "list").out()).contains("own-uni.example").contains("ours");

    assertThat(ok("allowlist", "remove", "own-uni.example").out())
        .isEqualTo("removed own-uni.example from the allowlist\n");
    assertThat(verdict("www.own-uni.example")).isEqualTo("accepted");

    // allowlisting does not delist: the answer says what the zone still holds
    JsonNode again = json("allowlist", "add", "own-uni.example");
    assertThat(again.get("in_zone").asBoolean()).isFalse();
    assertThat(again.get("zone_names").asInt()).isEqualTo(1);
    assertThat(again.get("note").asText()).contains("stay until they expire");
    assertThat(service.zone().current().contains("www.own-uni.example")).isTrue();

    assertThat(RpzxHarness.cli(service, "allowlist", "add", "own-uni.example").exitCode())
        .as("already listed: conflict")
        .isEqualTo(6);
    RpzxHarness.CliResult bad = RpzxHarness.cli(service, "allowlist", "add", "http://x.example/");
    assertThat(bad.exitCode()).isEqualTo(7);
    assertThat(bad.err().strip()).startsWith("rpzx: error: not a domain name").doesNotContain("\n");
    assertThat(RpzxHarness.cli(service, "allowlist", "add", "co.uk").exitCode()).isEqualTo(7);
    assertThat(RpzxHarness.cli(service, "allowlist", "remove", "nope.example").exitCode())
        .isEqualTo(5);

    RpzxHarness.CliResult sup =
        ok("suppressions", "add", "fp.example", "--reason", "false positive #4711", "--for", "30d");
    assertThat(sup.out()).startsWith("suppressed fp.example until 20");
    assertThat(verdict("fp.example")).isEqualTo("suppressed");
    assertThat(verdict("sub.fp.example")).as("a suppression is exact").isEqualTo("accepted");
    JsonNode sups = json("suppression", "list");
    assertThat(sups).hasSize(1);
    assertThat(sups.get(0).get("reason").asText()).isEqualTo("false positive #4711");
    assertThat(sups.get(0).get("active").asBoolean()).isTrue();
    assertThat(
            RpzxHarness.cli(service, "suppressions", "add", "fp.example", "--reason", "x")
                .exitCode())
        .isEqualTo(6);
    assertThat(ok("suppressions", "remove", "fp.example").out())
        .isEqualTo("removed the suppression of fp.example\n");
    assertThat(verdict("fp.example")).isEqualTo("accepted");

    JsonNode inZone = json("suppressions", "add", "fp.example", "--reason", "now listed");
    assertThat(inZone.get("in_zone").asBoolean()).isTrue();
    assertThat(inZone.get("until").isNull()).isTrue();
    assertThat(ok("suppressions", "list").out()).contains("never");
    assertThat(
            RpzxHarness.cli(
                    service,
                    "suppressions",
                    "add",
                    "old.example",
                    "--reason",
                    "x",
                    "--until",
                    "2000-01-01")
                .exitCode())
        .as("an expiry in the past")
        .isEqualTo(7);
    assertThat(RpzxHarness.cli(service, "suppressions", "add", "x.example").exitCode())
        .as("--reason is required")
        .isEqualTo(2);
  }

  @Test
  void topSitesAndTheAllowlistFileReloadWithoutRestartAndBadFilesKeepTheOldLists()
      throws Exception {
    Path top = dir.resolve("top.csv");
    Files.writeString(top, "1,google.com\n2,first-top.example\n");
    Path allow = dir.resolve("allow.txt");
    Files.writeString(allow, "# our own\nfile-own.example\n");
    service =
        startFromConfigFile(
            "top-sites:", "  file: " + top, "  n: 100", "allowlist:", "  file: " + allow);
    institutionWithToken();

    JsonNode before = json("top-sites", "status");
    assertThat(before.get("source").asText()).isEqualTo("file");
    assertThat(before.get("file").asText()).isEqualTo(top.toString());
    assertThat(before.get("names").asInt()).isEqualTo(2);
    assertThat(before.get("sha256").asText()).hasSize(64);
    assertThat(verdict("www.first-top.example")).isEqualTo("top-sites");
    assertThat(verdict("a.new-top.example")).isEqualTo("accepted");

    Files.writeString(top, "1,new-top.example\n");
    RpzxHarness.CliResult reload = ok("top-sites", "reload");
    assertThat(reload.out()).contains("names:     1 of the top 100");
    assertThat(verdict("b.new-top.example")).isEqualTo("top-sites");
    assertThat(verdict("www.first-top.example")).isEqualTo("accepted");
    JsonNode reloaded = json("top-sites", "status");

    Files.writeString(top, "<html><body>404 Not Found</body></html>\n<p>gone</p>\n");
    RpzxHarness.CliResult bad = RpzxHarness.cli(service, "top-sites", "reload");
    assertThat(bad.exitCode()).isEqualTo(7);
    assertThat(bad.err().strip())
        .contains("not a Tranco CSV")
        .contains("the previous list stays in force (1 names from " + top + ")")
        .doesNotContain("\n");
    assertThat(json("top-sites", "status")).isEqualTo(reloaded);
    assertThat(verdict("c.new-top.example")).isEqualTo("top-sites");
    Files.writeString(top, "");
    assertThat(RpzxHarness.cli(service, "top-sites", "reload").exitCode()).isEqualTo(7);
    Files.delete(top);
    assertThat(RpzxHarness.cli(service, "top-sites", "reload").err()).contains("does not exist");
    assertThat(verdict("d.new-top.example")).isEqualTo("top-sites");

    assertThat(verdict("file-own.example")).isEqualTo("allowlist");
    JsonNode listed = json("allowlist", "list");
    assertThat(listed.get(0).get("source").asText()).isEqualTo("file");
    RpzxHarness.CliResult fileName =
        RpzxHarness.cli(service, "allowlist", "remove", "file-own.example");
    assertThat(fileName.exitCode()).isEqualTo(5);
    assertThat(fileName.err()).contains("edit the file");

    Files.writeString(allow, "other-own.example\n");
    assertThat(ok("allowlist", "reload").out()).contains(allow + ": 1 names");
    assertThat(verdict("x.other-own.example")).isEqualTo("allowlist");
    assertThat(verdict("file-own.example")).isEqualTo("accepted");
    Files.writeString(allow, "ok.example\n192.0.2.1\n");
    RpzxHarness.CliResult badAllow = RpzxHarness.cli(service, "allowlist", "reload");
    assertThat(badAllow.exitCode()).isEqualTo(7);
    assertThat(badAllow.err()).contains("line 2").contains("previous allowlist stays in force");
    assertThat(verdict("y.other-own.example")).isEqualTo("allowlist");
    assertThat(verdict("ok.example")).isEqualTo("accepted");
  }

  @Test
  void readTokensListButOnlyAdminTokensChange() throws Exception {
    service = startFromConfigFile();
    institutionWithToken();
    String read =
        json("token", "create", "--institution", "Uni A", "--scope", "read").get("token").asText();
    for (String[] call :
        new String[][] {
          {"GET", "/api/v1/allowlist", "200"},
          {"GET", "/api/v1/suppressions", "200"},
          {"GET", "/api/v1/top-sites", "200"},
          {"POST", "/api/v1/allowlist", "403"},
          {"DELETE", "/api/v1/allowlist/a.example", "403"},
          {"POST", "/api/v1/allowlist/reload", "403"},
          {"POST", "/api/v1/suppressions", "403"},
          {"DELETE", "/api/v1/suppressions/a.example", "403"},
          {"POST", "/api/v1/top-sites/reload", "403"},
          {"POST", "/api/v1/top-sites/fetch", "403"}
        }) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + service.apiAddress().getPort() + call[1]))
                  .header("Authorization", "Token " + read)
                  .method(call[0], HttpRequest.BodyPublishers.ofString("{\"name\":\"a.example\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(call[0] + " " + call[1]).isEqualTo(Integer.parseInt(call[2]));
    }
    assertThat(json("allowlist", "list")).isEmpty();
  }
}
