package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rpzx.core.auth.TokenService;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.store.Database;
import org.rpzx.dist.api.Json;

/**
 * {@code rpzx entries list|show} over the API after real mail from two institutions: exact and
 * suffix search, paging, submitters per entry, and that only operator tokens see any of it.
 */
class EntriesIT extends ServiceTestBase {

  private static final String SENDER_B = "noc@uni-b.example";

  private RpzxHarness.CliResult cli(String... args) {
    return RpzxHarness.cli(service, args);
  }

  private JsonNode json(String... args) throws Exception {
    List<String> full = new ArrayList<>(List.of(args));
    full.add("--json");
    RpzxHarness.CliResult r = cli(full.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out());
  }

  private static List<String> names(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("entries").forEach(e -> out.add(e.get("name").asText()));
    return out;
  }

  private HttpResponse<String> get(String token, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.apiAddress().getPort() + path))
                .header("Authorization", "Token " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void searchPageAndShowSubmittersAsTheOperatorOnly() throws Exception {
    service = startFromConfigFile();
    assertThat(cli("institution", "add", "Uni A").exitCode()).isZero();
    assertThat(cli("institution", "add", "Uni B").exitCode()).isZero();
    assertThat(cli("sender", "add", SENDER, "--institution", "Uni A").exitCode()).isZero();
    assertThat(cli("sender", "add", SENDER_B, "--institution", "Uni B").exitCode()).isZero();

    Instant beforeA = Instant.now();
    assertThat(
            RpzxHarness.mail(
                service,
                SENDER,
                COMMUNITY,
                "evil.example.org\na.evil.example.org\nb.a.evil.example.org\n"
                    + "notevil.example.org\nphish.example.net\n"))
        .startsWith("250 2.0.0");
    Instant beforeB = Instant.now();
    assertThat(RpzxHarness.mail(service, SENDER_B, COMMUNITY, "*.EVIL.example.org.\n"))
        .startsWith("250 2.0.0");

    assertThat(names(json("entries", "list", "--suffix", "evil.example.org")))
        .as("at or under, not merely ending in the same letters")
        .containsExactly("a.evil.example.org", "b.a.evil.example.org", "evil.example.org");
    assertThat(names(json("entries", "list", "--suffix", "Evil.Example.ORG.")))
        .as("normalised like a submitted line")
        .hasSize(3);
    assertThat(names(json("entries", "list", "--name", "evil.example.org")))
        .containsExactly("evil.example.org");
    assertThat(names(json("entries", "list", "--name", "example.org"))).isEmpty();

    // paging: two at a time, following next_after, gives every name once, in order
    List<String> paged = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      JsonNode page =
          after == null
              ? json("entries", "list", "--limit", "2")
              : json("entries", "list", "--limit", "2", "--after", after);
      assertThat(page.get("entries").size()).isLessThanOrEqualTo(2);
      paged.addAll(names(page));
      after = page.get("next_after").isNull() ? null : page.get("next_after").asText();
      pages++;
    } while (after != null && pages < 10);
    assertThat(paged)
        .containsExactly(
            "a.evil.example.org",
            "b.a.evil.example.org",
            "evil.example.org",
            "notevil.example.org",
            "phish.example.net");
    assertThat(pages).isEqualTo(3);
    assertThat(cli("entries", "list", "--limit", "2").out())
        .contains("(more: add --after b.a.evil.example.org)");

    JsonNode shown = json("entries", "show", "evil.example.org");
    assertThat(shown.get("active").asBoolean()).isTrue();
    JsonNode submitters = shown.get("submitters");
    assertThat(submitters).hasSize(2);
    assertThat(submitters.get(0).get("institution").asText()).isEqualTo("Uni A");
    assertThat(submitters.get(1).get("institution").asText()).isEqualTo("Uni B");
    Instant firstA = Instant.parse(submitters.get(0).get("first_submitted").asText());
    Instant firstB = Instant.parse(submitters.get(1).get("first_submitted").asText());
    assertThat(firstA).isBetween(beforeA.minusSeconds(1), beforeB);
    assertThat(firstB).isAfterOrEqualTo(firstA).isAfterOrEqualTo(beforeB.minusSeconds(1));
    assertThat(Instant.parse(shown.get("last_submitted").asText())).isEqualTo(firstB);
    assertThat(Instant.parse(shown.get("expires").asText()))
        .as("30 days after the latest submission by any institution")
        .isEqualTo(firstB.plus(java.time.Duration.ofDays(30)));
    assertThat(cli("entries", "show", "evil.example.org").out())
        .contains("Uni A")
        .contains("Uni B")
        .contains("in the zone:      yes");
    assertThat(json("entries", "show", "phish.example.net").get("submitters")).hasSize(1);

    // errors: one line on stderr, the documented exit code, no stack trace
    RpzxHarness.CliResult missing = cli("entries", "show", "nowhere.example");
    assertThat(missing.exitCode()).isEqualTo(5);
    assertThat(missing.err()).isEqualTo("rpzx: error: no entry nowhere.example (HTTP 404)\n");
    assertThat(missing.out()).isEmpty();
    RpzxHarness.CliResult url = cli("entries", "list", "--suffix", "http://evil.example/");
    assertThat(url.exitCode()).isEqualTo(7);
    assertThat(url.err()).startsWith("rpzx: error: suffix is not a domain name").hasLineCount(1);
    assertThat(cli("entries", "list", "--name", "a.example", "--suffix", "example").exitCode())
        .as("--name and --suffix exclude each other")
        .isEqualTo(2);

    assertInstitutionTokensNeverSeeEntries();
  }

  private void assertInstitutionTokensNeverSeeEntries() throws Exception {
    RpzxHarness.CliResult adminForInstitution =
        cli("token", "create", "--institution", "Uni A", "--scope", "admin");
    assertThat(adminForInstitution.exitCode()).isEqualTo(7);
    assertThat(adminForInstitution.err()).contains("admin scope is for operator tokens only");

    String reader =
        json("token", "create", "--institution", "Uni A", "--scope", "read").get("token").asText();
    String legacyAdmin;
    try (Database db = Database.open(service.dataDir().resolve("rpzx.db"))) {
      // a token as an older rpzx could issue it: owned by an institution, with admin scope
      long a = new Directory(db, Clock.systemUTC()).institution("Uni A").orElseThrow().id();
      legacyAdmin =
          new TokenService(db, Clock.systemUTC())
              .issue("institution:" + a, Set.of("admin", "read"), "legacy")
              .secret();
    }
    for (String token : List.of(reader, legacyAdmin)) {
      for (String path :
          List.of(
              "/api/v1/entries",
              "/api/v1/entries?suffix=evil.example.org",
              "/api/v1/entries/evil.example.org",
              "/api/v1/institutions",
              "/api/v1/tsig-keys",
              "/api/v1/tokens")) {
        HttpResponse<String> r = get(token, path);
        assertThat(r.statusCode()).as(path).isEqualTo(403);
        assertThat(r.body()).as(path).doesNotContain("Uni B").doesNotContain("evil.example.org");
      }
    }
    String operator =
        java.nio.file.Files.readString(service.dataDir().resolve("operator.token")).strip();
    assertThat(get(operator, "/api/v1/entries/evil.example.org").body()).contains("Uni B");
  }
}
