package org.rpzx.dist.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.auth.TokenService;
import org.rpzx.core.store.Database;

/**
 * A failing store answers 503 with a JSON error (retry later), never a stack trace or a dropped
 * connection, and the listener keeps serving.
 */
class ApiStoreFailureIT {

  @TempDir Path dir;
  private Database db;
  private ApiServer server;
  private String secret;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    db = Database.open(dir.resolve("rpzx.db"));
    TokenService tokens = new TokenService(db, Clock.systemUTC());
    secret = tokens.issue("operator", Set.of("admin", "read"), "test").secret();
    Route broken =
        new Route(
            "POST",
            "/api/v1/broken",
            "admin",
            r ->
                ApiResponse.ok(
                    db.inTransaction(
                        c ->
                            c.createStatement()
                                .executeUpdate("INSERT INTO no_such_table VALUES (1)"))));
    Route count =
        new Route(
            "GET",
            "/api/v1/count",
            "read",
            r ->
                ApiResponse.ok(
                    Map.of(
                        "tokens",
                        db.read(
                            c -> {
                              try (var rs =
                                  c.createStatement()
                                      .executeQuery("SELECT count(*) FROM api_tokens")) {
                                rs.next();
                                return rs.getInt(1);
                              }
                            }))));
    server =
        new ApiServer(
            new InetSocketAddress("127.0.0.1", 0),
            List.of(broken, count),
            Map.of("/healthz", r -> ApiResponse.ok(Map.of("status", "ok"))),
            tokens);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    db.close();
  }

  private HttpResponse<String> call(String method, String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", "Token " + secret);
    b.method(method, HttpRequest.BodyPublishers.noBody());
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aFailedStatementIs503AndNothingElseChanges() throws Exception {
    HttpResponse<String> failed = call("POST", "/api/v1/broken");
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(failed.body()).contains("the store is unavailable").doesNotContain("Exception");

    HttpResponse<String> after = call("GET", "/api/v1/count");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).contains("\"tokens\":1");
  }

  @Test
  void aClosedStoreIs503EvenForAuthenticationAndTheListenerStaysUp() throws Exception {
    db.close();
    HttpResponse<String> r = call("GET", "/api/v1/count");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("the store is unavailable");
    HttpResponse<String> health = call("GET", "/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
  }
}
