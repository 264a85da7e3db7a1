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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rpzx.dist.api.Json;

/** Every token rule over real HTTP (java.net.http), tokens made with the CLI. */
class TokenIT extends ServiceTestBase {

  private final HttpClient http = HttpClient.newHttpClient();

  private RpzxHarness.CliResult cli(String... args) {
    return RpzxHarness.cli(service, args);
  }

  /** Creates a token with {@code rpzx token create ... --json}; returns the secret. */
  private String create(String... args) throws Exception {
    List<String> full = new ArrayList<>(List.of("token", "create"));
    full.addAll(List.of(args));
    full.add("--json");
    RpzxHarness.CliResult r = cli(full.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out()).get("token").asText();
  }

  private int status(String secret, String path) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + service.apiAddress().getPort() + path));
    if (secret != null) {
      b.header("Authorization", "Token " + secret);
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void everyTokenRule() throws Exception {
    service = startFromConfigFile();
    assertThat(cli("institution", "add", "Uni A").exitCode()).isZero();
    List<String> secrets = new ArrayList<>();

    String reader = create("--scope", "read", "--name", "reader");
    secrets.add(reader);
    assertThat(status(reader, "/api/v1/zone")).isEqualTo(200);
    assertThat(status(null, "/api/v1/zone")).isEqualTo(401);
    assertThat(status(reader + "x", "/api/v1/zone")).isEqualTo(401);
    assertThat(status("rpzx_unknown", "/api/v1/zone")).isEqualTo(401);

    // wrong scope: 403 (a read token on an admin route; a submit-only token on a read route)
    assertThat(status(reader, "/api/v1/tokens")).isEqualTo(403);
    String submitter = create("--institution", "Uni A", "--scope", "submit");
    secrets.add(submitter);
    assertThat(status(submitter, "/api/v1/zone")).isEqualTo(403);

    // subnets: 403 outside, 200 inside
    String fenced = create("--scope", "read", "--allow", "10.0.0.0/8");
    secrets.add(fenced);
    assertThat(status(fenced, "/api/v1/zone")).isEqualTo(403);
    String local = create("--scope", "read", "--allow", "10.0.0.0/8", "--allow", "127.0.0.0/8");
    secrets.add(local);
    assertThat(status(local, "/api/v1/zone")).isEqualTo(200);

    // revoked
    String revoked = create("--scope", "read", "--name", "to-revoke");
    secrets.add(revoked);
    assertThat(status(revoked, "/api/v1/zone")).isEqualTo(200);
    JsonNode list = Json.MAPPER.readTree(cli("token", "list", "--json").out());
    String id = null;
    for (JsonNode t : list) {
      if ("to-revoke".equals(t.path("name").asText())) {
        id = t.get("id").asText();
      }
    }
    assertThat(id).isNotNull();
    assertThat(cli("token", "revoke", id).exitCode()).isZero();
    assertThat(cli("token", "revoke", id).exitCode()).isEqualTo(5);
    assertThat(status(revoked, "/api/v1/zone")).isEqualTo(401);

    // max age: valid, then expired
    String aged = create("--scope", "read", "--max-age", "2s");
    secrets.add(aged);
    assertThat(status(aged, "/api/v1/zone")).isEqualTo(200);
    // max unused period: each use restarts it
    String idle = create("--scope", "read", "--max-unused", "2s");
    secrets.add(idle);
    assertThat(status(idle, "/api/v1/zone")).isEqualTo(200);
    Thread.sleep(1200);
    assertThat(status(idle, "/api/v1/zone")).isEqualTo(200);
    Thread.sleep(1200);
    assertThat(status(aged, "/api/v1/zone")).isEqualTo(401); // 2.4 s after creation
    assertThat(status(idle, "/api/v1/zone")).isEqualTo(200); // 1.2 s after its last use
    Thread.sleep(2200);
    assertThat(status(idle, "/api/v1/zone")).isEqualTo(401);

    // bad input: clear errors, nothing created
    int before = Json.MAPPER.readTree(cli("token", "list", "--json").out()).size();
    assertThat(cli("token", "create", "--scope", "root").exitCode()).isEqualTo(7);
    assertThat(cli("token", "create", "--scope", "read", "--allow", "nowhere").exitCode())
        .isEqualTo(7);
    assertThat(cli("token", "create", "--scope", "read", "--max-age", "soon").exitCode())
        .isEqualTo(7);
    assertThat(cli("token", "create", "--institution", "Nobody", "--scope", "read").exitCode())
        .isEqualTo(5);
    assertThat(Json.MAPPER.readTree(cli("token", "list", "--json").out()).size()).isEqualTo(before);

    // the list never shows a secret; the store holds only hashes
    String listed = cli("token", "list", "--json").out() + cli("token", "list").out();
    service.close();
    service = null;
    StringBuilder store = new StringBuilder();
    try (Stream<Path> files = Files.list(dir.resolve("data"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("rpzx.db")).toList()) {
        store.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(store).isNotEmpty();
    for (String secret : secrets) {
      assertThat(listed).doesNotContain(secret);
      assertThat(store.toString()).doesNotContain(secret);
    }
  }
}
