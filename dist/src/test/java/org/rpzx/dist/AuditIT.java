package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpzx.dist.api.Json;

/**
 * The audit log: every change through the API (here by the CLI), every refused token and every
 * privacy-sensitive read is recorded with who (token id and owner, never the secret), what (method,
 * route, target, status) and from where; {@code rpzx audit --json} shows it, plain reads are not in
 * it.
 */
class AuditIT extends ServiceTestBase {

  private static final String INSTITUTION = "Example University";

  private RpzxHarness.CliResult cli(String... args) {
    RpzxHarness.CliResult r = RpzxHarness.cli(service, args);
    return r;
  }

  private JsonNode json(String... args) throws Exception {
    RpzxHarness.CliResult r = cli(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return Json.MAPPER.readTree(r.out());
  }

  private int get(String path, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + service.apiAddress().getPort() + path));
    if (token != null) {
      b.header("Authorization", "Token " + token);
    }
    return HttpClient.newHttpClient()
        .send(b.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static JsonNode find(JsonNode audit, String method, String route, int status) {
    for (JsonNode e : audit) {
      if (e.get("method").asText().equals(method)
          && e.get("route").asText().equals(route)
          && e.get("status").asInt() == status) {
        return e;
      }
    }
    throw new AssertionError("no " + method + " " + route + " " + status + " in " + audit);
  }

  @Test
  void changesRefusalsAndSensitiveReadsAreRecordedWithWhoWhatAndWhere() throws Exception {
    service = startFromConfigFile();
    String operatorTokenId = json("token", "list", "--json").get(0).get("id").asText();

    json("institution", "add", INSTITUTION, "--json");
    JsonNode created =
        json("token", "create", "--institution", INSTITUTION, "--scope", "read", "--json");
    String secret = created.get("token").asText();
    String institutionTokenId = created.get("info").get("id").asText();
    json("institution", "suspend", INSTITUTION, "--reason", "under review", "--json");
    json("institution", "list", "--json"); // a plain read: not audited
    assertThat(get("/api/v1/entries/evil.example", secret)).as("operator route").isEqualTo(403);
    assertThat(get("/api/v1/zone", "rpzx_not_a_token")).isEqualTo(401);
    assertThat(get("/api/v1/entries/evil.example", null)).isEqualTo(401);
    json("token", "revoke", institutionTokenId, "--json");
    assertThat(get("/api/v1/zone", secret)).as("revoked").isEqualTo(401);

    RpzxHarness.CliResult plain = cli("audit");
    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(plain.out())
        .contains("AT", "TOKEN", "WHO", "ROUTE", "TARGET", "STATUS", "CLIENT")
        .contains("name=" + INSTITUTION)
        .contains(INSTITUTION);
    JsonNode audit = json("audit", "--since", "1h", "--json");

    JsonNode add = find(audit, "POST", "/api/v1/institutions", 201);
    assertThat(add.get("token").asText()).isEqualTo(operatorTokenId);
    assertThat(add.get("owner").asText()).isEqualTo("operator");
    assertThat(add.get("client").asText()).isEqualTo("127.0.0.1");
    assertThat(add.get("at").asText()).endsWith("Z");
    JsonNode suspend = find(audit, "POST", "/api/v1/institutions/{name}/suspend", 200);
    assertThat(suspend.get("target").get("name").asText()).isEqualTo(INSTITUTION);
    find(audit, "POST", "/api/v1/tokens", 201);
    JsonNode revoke = find(audit, "DELETE", "/api/v1/tokens/{id}", 200);
    assertThat(revoke.get("target").get("id").asText()).isEqualTo(institutionTokenId);

    JsonNode forbidden = find(audit, "GET", "/api/v1/entries/{name}", 403);
    assertThat(forbidden.get("token").asText()).isEqualTo(institutionTokenId);
    assertThat(forbidden.get("owner").asText()).startsWith("institution:");
    assertThat(forbidden.get("institution").asText()).isEqualTo(INSTITUTION);
    assertThat(forbidden.get("target").get("name").asText()).isEqualTo("evil.example");
    List<JsonNode> unknown = new ArrayList<>();
    for (JsonNode e : audit) {
      if (e.get("status").asInt() == 401) {
        unknown.add(e);
      }
    }
    assertThat(unknown).hasSize(3); // bad secret, no token, revoked token
    for (JsonNode e : unknown) {
      assertThat(e.get("token").asText()).isEqualTo("-");
      assertThat(e.get("owner").asText()).isEqualTo("-");
    }
    assertThat(audit.toString()).doesNotContain(secret).doesNotContain("rpzx_not_a_token");
    for (JsonNode e : audit) {
      assertThat(e.get("method").asText() + " " + e.get("status").asInt())
          .as("plain successful reads are not audited")
          .isNotEqualTo("GET 200");
    }

    // the operator's own read of who submitted a name is audited
    json("entries", "list", "--json");
    cli("entries", "show", "evil.example", "--json");
    JsonNode later = json("audit", "--since", "1h", "--json");
    find(later, "GET", "/api/v1/entries/{name}", 404);
    assertThat(later.toString()).doesNotContain("\"route\":\"/api/v1/entries\"");
  }
}
