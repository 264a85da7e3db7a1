package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.rpzx.dist.api.Json;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/** {@code POST /api/v1/submissions} with java.net.http; the names then appear in an AXFR. */
class HttpSubmissionIT extends ServiceTestBase {

  private final HttpClient http = HttpClient.newHttpClient();

  private String token(String... args) throws Exception {
    String[] full = new String[args.length + 3];
    full[0] = "token";
    full[1] = "create";
    System.arraycopy(args, 0, full, 2, args.length);
    full[full.length - 1] = "--json";
    RpzxHarness.CliResult r = RpzxHarness.cli(service, full);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out()).get("token").asText();
  }

  private HttpResponse<String> post(String secret, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + service.apiAddress().getPort() + "/api/v1/submissions"))
            .header("Authorization", "Token " + secret)
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Set<String> axfrOwners() throws Exception {
    InetSocketAddress dns = service.dnsTcpAddress();
    ZoneTransferIn xfr =
        ZoneTransferIn.newAXFR(
            Name.fromString("community.rpz."), dns.getHostString(), dns.getPort(), null);
    xfr.setTimeout(java.time.Duration.ofSeconds(20));
    xfr.run();
    Set<String> owners = new TreeSet<>();
    List<Record> records = xfr.getAXFR();
    for (Record r : records) {
      if (r.getType() == Type.CNAME) {
        owners.add(r.getName().toString());
      }
    }
    return owners;
  }

  @Test
  void anInstitutionTokenSubmitsAndTheNamesAreServed() throws Exception {
    service = startFromConfigFile();
    assertThat(RpzxHarness.cli(service, "institution", "add", "Uni A").exitCode()).isZero();
    String submit = token("--institution", "Uni A", "--scope", "submit", "--scope", "read");
    String readOnly = token("--institution", "Uni A", "--scope", "read");
    String operator =
        Files.readString(service.dataDir().resolve("operator.token"), StandardCharsets.US_ASCII)
            .strip();
    String list = "malware-c2.example\n\nhttp://evil.example/login\n*.phish.example\n192.0.2.1\n";

    assertThat(post(operator, list).statusCode()).isEqualTo(403);
    assertThat(post(readOnly, list).statusCode()).isEqualTo(403);
    assertThat(post("rpzx_nope", list).statusCode()).isEqualTo(401);
    assertThat(axfrOwners()).isEmpty();

    HttpResponse<String> answer = post(submit, list);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    JsonNode report = Json.MAPPER.readTree(answer.body());
    assertThat(report.get("accepted").asInt()).isEqualTo(2);
    assertThat(report.get("rejected").asInt()).isEqualTo(2);
    assertThat(report.get("summary").asText())
        .isEqualTo("submission " + report.get("id").asLong() + ": 2 accepted, 2 rejected");
    JsonNode lines = report.get("rejected_lines");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("line").asInt()).isEqualTo(3);
    assertThat(lines.get(0).get("reason").asText()).isEqualTo("url");
    assertThat(lines.get(1).get("line").asInt()).isEqualTo(5);
    assertThat(lines.get(1).get("reason").asText()).isEqualTo("ip-address");

    assertThat(axfrOwners())
        .containsExactlyInAnyOrder(
            "malware-c2.example.community.rpz.",
            "*.malware-c2.example.community.rpz.",
            "phish.example.community.rpz.",
            "*.phish.example.community.rpz.");

    RpzxHarness.CliResult show =
        RpzxHarness.cli(service, "submissions", "show", report.get("id").asText(), "--json");
    JsonNode stored = Json.MAPPER.readTree(show.out()).get("submission");
    assertThat(stored.get("institution").asText()).isEqualTo("Uni A");
    assertThat(stored.get("authenticated").asText()).isEqualTo("token");
    assertThat(stored.get("channel").asText()).isEqualTo("http");
    assertThat(stored.get("sender").asText()).startsWith("token:").doesNotContain(submit);

    assertThat(post(submit, "").statusCode()).isEqualTo(400);

    // exports: read scope, ETag = serial, 304 for a matching If-None-Match, no submitter
    String serial = "\"" + service.zone().current().serial() + "\"";
    HttpResponse<String> names = get(readOnly, "/export/domains.txt", null);
    assertThat(names.statusCode()).isEqualTo(200);
    assertThat(names.headers().firstValue("ETag")).contains(serial);
    assertThat(names.body().lines())
        .containsExactlyInAnyOrder("malware-c2.example", "phish.example");
    assertThat(get(readOnly, "/export/domains.txt", serial).statusCode()).isEqualTo(304);
    assertThat(get(readOnly, "/export/domains.txt", "\"1\"").statusCode()).isEqualTo(200);
    HttpResponse<String> rpz = get(readOnly, "/export/rpz", null);
    assertThat(rpz.statusCode()).isEqualTo(200);
    assertThat(rpz.body())
        .contains(" IN SOA ")
        .contains("malware-c2.example.community.rpz. 60 IN CNAME .")
        .contains("*.phish.example.community.rpz. 60 IN CNAME .")
        .doesNotContain("Uni A")
        .doesNotContain("token:");
    assertThat(get(readOnly, "/export/rpz", serial).statusCode()).isEqualTo(304);
    String submitOnly = token("--institution", "Uni A", "--scope", "submit");
    assertThat(get(submitOnly, "/export/rpz", null).statusCode()).isEqualTo(403);
    assertThat(get(null, "/export/rpz", null).statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> get(String secret, String path, String ifNoneMatch)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + service.apiAddress().getPort() + path));
    if (secret != null) {
      b.header("Authorization", "Token " + secret);
    }
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
