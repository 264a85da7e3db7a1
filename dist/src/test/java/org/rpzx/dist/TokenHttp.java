package org.rpzx.dist;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rpzx.dist.api.Json;

/** Plain HTTP calls to the API with a token, answers as status, headers and text. */
final class TokenHttp {

  record Answer(int status, String body, Map<String, List<String>> headers) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    /** Status line, headers and body: everything the client was told. */
    String everything() {
      String h =
          headers.entrySet().stream()
              .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
              .collect(Collectors.joining("\n"));
      return status + "\n" + h + "\n\n" + body;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  TokenHttp(String base) {
    this.base = base;
  }

  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  Answer send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Token " + token);
    }
    if (body != null) {
      b.header("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(
        r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers().map());
  }

  Answer get(String path, String token) throws Exception {
    return send("GET", path, token, null);
  }

  /** A JSON call that must succeed (2xx); its answer. */
  JsonNode ok(String method, String path, String token, Object json) throws Exception {
    Answer a =
        send(method, path, token, json == null ? null : Json.MAPPER.writeValueAsString(json));
    if (a.status() / 100 != 2) {
      throw new AssertionError(method + " " + path + " -> " + a.status() + " " + a.body());
    }
    return a.body().isEmpty() ? null : a.json();
  }
}
