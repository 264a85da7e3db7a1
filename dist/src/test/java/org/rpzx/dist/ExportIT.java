package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpzx.dist.api.Json;

/**
 * The exports as a resolver or firewall fetches them: {@code /export/hosts} in hosts-file format,
 * ETag and {@code If-None-Match}, a {@code read} token, or no token from {@code
 * api.export-allowed-subnets}.
 */
class ExportIT extends ApiServiceTestBase {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path, String token, String ifNoneMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.apiUrl() + path));
    if (token != null) {
      b.header("Authorization", "Token " + token);
    }
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private void submit(String domainsTxt) throws Exception {
    assertThat(RpzxHarness.mail(service, SENDER, COMMUNITY, domainsTxt)).startsWith("250");
  }

  private void addSender() {
    assertThat(RpzxHarness.cli(service, "institution", "add", "Uni A").exitCode()).isZero();
    assertThat(
            RpzxHarness.cli(service, "sender", "add", SENDER, "--institution", "Uni A").exitCode())
        .isZero();
  }

  private String readToken() throws Exception {
    RpzxHarness.CliResult r =
        RpzxHarness.cli(
            service, "token", "create", "--institution", "Uni A", "--scope", "read", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out()).get("token").asText();
  }

  private static List<String> entries(String hosts) {
    return hosts.lines().filter(l -> !l.startsWith("#")).toList();
  }

  @Test
  void hostsFileForAReadTokenWithETag() throws Exception {
    service = startFromConfigFile();
    addSender();
    String read = readToken();
    submit("malware-c2.example\n*.phish.example\nhttp://evil.example/login\n");

    String serial = "\"" + service.zone().current().serial() + "\"";
    HttpResponse<String> hosts = get("/export/hosts", read, null);
    assertThat(hosts.statusCode()).isEqualTo(200);
    assertThat(hosts.headers().firstValue("ETag")).contains(serial);
    assertThat(hosts.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(entries(hosts.body()))
        .as("one line per name; the wildcard entry as its base name")
        .containsExactly("0.0.0.0 malware-c2.example", "0.0.0.0 phish.example");
    assertThat(hosts.body().lines().filter(l -> l.startsWith("#")))
        .anyMatch(l -> l.contains("serial " + service.zone().current().serial()))
        .anyMatch(l -> l.contains("wildcards"));
    assertThat(hosts.body()).doesNotContain("Uni A").doesNotContain(SENDER);

    HttpResponse<String> same = get("/export/hosts", read, serial);
    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();

    submit("another.example\n");
    HttpResponse<String> changed = get("/export/hosts", read, serial);
    assertThat(changed.statusCode()).as("a new serial, a new ETag").isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag"))
        .isNotEqualTo(hosts.headers().firstValue("ETag"));
    assertThat(entries(changed.body())).contains("0.0.0.0 another.example").hasSize(3);

    assertThat(get("/export/hosts", null, null).statusCode())
        .as("no token and no export subnet")
        .isEqualTo(401);
    assertThat(get("/export/hosts", "rpzx_unknown", null).statusCode()).isEqualTo(401);
  }

  @Test
  void anAllowedSubnetNeedsNoToken() throws Exception {
    startWithApi("export-allowed-subnets: [127.0.0.0/8]");
    addSender();
    submit("malware-c2.example\n");

    HttpResponse<String> hosts = get("/export/hosts", null, null);
    assertThat(hosts.statusCode()).isEqualTo(200);
    assertThat(entries(hosts.body())).containsExactly("0.0.0.0 malware-c2.example");
    assertThat(
            get("/export/hosts", null, hosts.headers().firstValue("ETag").orElseThrow())
                .statusCode())
        .isEqualTo(304);
    assertThat(get("/export/domains.txt", null, null).body()).isEqualTo("malware-c2.example\n");
    assertThat(get("/export/rpz", null, null).body())
        .contains("*.malware-c2.example.community.rpz. 60 IN CNAME .");

    assertThat(get("/api/v1/zone", null, null).statusCode())
        .as("the subnet opens the exports only")
        .isEqualTo(401);
    assertThat(get("/export/hosts", "rpzx_unknown", null).statusCode())
        .as("a token that is sent is checked")
        .isEqualTo(401);
  }

  @Test
  void aClientOutsideTheAllowedSubnetsNeedsAToken() throws Exception {
    startWithApi("export-allowed-subnets: [192.0.2.0/24, \"2001:db8::/32\"]");
    assertThat(get("/export/hosts", null, null).statusCode()).isEqualTo(401);
    addSender();
    assertThat(get("/export/hosts", readToken(), null).statusCode()).isEqualTo(200);
  }
}
