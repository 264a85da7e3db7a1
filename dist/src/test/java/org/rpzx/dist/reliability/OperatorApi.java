package org.rpzx.dist.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rpzx.dist.cli.RpzxCommand;
import picocli.CommandLine;

/**
 * The operator's side: the {@code rpzx} CLI (in-process, against the service's API with the
 * operator token from the data directory) to register submitters, and {@code GET} on the API.
 */
final class OperatorApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final Path tokenFile;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  OperatorApi(String base, Path tokenFile) {
    this.base = base;
    this.tokenFile = tokenFile;
  }

  String base() {
    return base;
  }

  /** Runs {@code rpzx args...}; returns its standard output, or fails with its error output. */
  String cli(String... args) {
    CommandLine cmd = RpzxCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    List<String> full = new ArrayList<>(List.of(args));
    full.addAll(List.of("--api", base, "--token-file", tokenFile.toString()));
    int code = cmd.execute(full.toArray(String[]::new));
    if (code != 0) {
      throw new IllegalStateException(
          "rpzx " + String.join(" ", args) + ": exit " + code + ": " + err);
    }
    return out.toString();
  }

  /** Registers an institution with one sender and returns a {@code submit} token for it. */
  String registerSubmitter(String institution, String sender) throws IOException {
    cli("institution", "add", institution);
    cli("sender", "add", sender, "--institution", institution);
    String created =
        cli("token", "create", "--institution", institution, "--scope", "submit", "--json");
    return JSON.readTree(created).get("token").asText();
  }

  /** A GET with the operator token: status and body. */
  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    String token = Files.readString(tokenFile).strip();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Token " + token)
            .GET()
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  /** Every entry the store lists as in the zone ({@code GET /api/v1/entries}, all pages). */
  Set<String> activeEntries() throws IOException, InterruptedException {
    Set<String> out = new HashSet<>();
    String after = null;
    do {
      String q = "/api/v1/entries?limit=100000";
      if (after != null) {
        q += "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8);
      }
      HttpResponse<String> r = get(q);
      if (r.statusCode() != 200) {
        throw new IOException("GET " + q + ": " + r.statusCode() + " " + r.body());
      }
      JsonNode page = JSON.readTree(r.body());
      for (JsonNode e : page.get("entries")) {
        if (!e.get("active").asBoolean()) {
          throw new IllegalStateException("inactive entry in the active list: " + e);
        }
        out.add(e.get("name").asText());
      }
      JsonNode next = page.get("next_after");
      after = next == null || next.isNull() ? null : next.asText();
    } while (after != null);
    return out;
  }
}
