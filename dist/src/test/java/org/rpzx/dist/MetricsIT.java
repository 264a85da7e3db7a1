package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rpzx.dist.PrometheusText.key;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.rpzx.dist.api.Json;
import org.xbill.DNS.Name;
import org.xbill.DNS.ZoneTransferIn;

/**
 * {@code GET /metrics} without a token after real traffic: a mail with accepted, rejected and
 * skipped lines (Jakarta Mail), a mail from an unknown sender, an HTTP submission, an AXFR by a
 * consumer (dnsjava) and NOTIFY acknowledged by a responder; the scraped text is parsed and every
 * count checked.
 */
class MetricsIT extends ServiceTestBase {

  private final HttpClient http = HttpClient.newHttpClient();

  private RpzxHarness.CliResult cli(String... args) {
    RpzxHarness.CliResult r = RpzxHarness.cli(service, args);
    assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r;
  }

  private HttpResponse<String> scrape() throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(service.apiUrl() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Map<String, Double> metrics() throws Exception {
    HttpResponse<String> r = scrape();
    assertThat(r.statusCode()).isEqualTo(200);
    return PrometheusText.parse(r.body());
  }

  /** Scrapes until {@code done} holds (events of the DNS side are counted when they end). */
  private Map<String, Double> metricsOnce(Predicate<Map<String, Double>> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    Map<String, Double> m = metrics();
    while (!done.test(m) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      m = metrics();
    }
    return m;
  }

  @Test
  void metricsCountWhatHappened() throws Exception {
    service = startFromConfigFile();
    HttpResponse<String> first = scrape();
    assertThat(first.statusCode()).as("no token needed").isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    Map<String, Double> before = PrometheusText.parse(first.body());
    assertThat(before)
        .containsEntry(key("rpzx_submissions_total", "channel", "smtp", "outcome", "applied"), 0.0)
        .containsEntry(key("rpzx_submission_rejected_lines_total", "reason", "url"), 0.0)
        .containsEntry("rpzx_zone_names", 0.0)
        .containsEntry("rpzx_smtp_sessions_total", 0.0);
    assertThat(before.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes{"));

    try (NotifyResponder secondary = new NotifyResponder()) {
      cli("institution", "add", "Uni A");
      cli("sender", "add", SENDER, "--institution", "Uni A");
      cli(
          "consumer",
          "add",
          "uni-a-resolver",
          "--institution",
          "Uni A",
          "--allow",
          "127.0.0.1/32",
          "--notify",
          "127.0.0.1:" + secondary.port());

      String reply =
          RpzxHarness.mail(
              service,
              SENDER,
              COMMUNITY,
              "malware-c2.example\n# a comment\n\nhttp://evil.example/login\n192.0.2.1\n"
                  + "*.phish.example\n");
      assertThat(reply).matches("250 2\\.0\\.0 submission \\d+: 2 accepted, 2 rejected");
      assertThatThrownBy(
              () ->
                  RpzxHarness.mail(service, "intruder@elsewhere.example", COMMUNITY, "x.example\n"))
          .hasMessageContaining("550 5.7.1");

      String token =
          Json.MAPPER
              .readTree(
                  cli("token", "create", "--institution", "Uni A", "--scope", "submit", "--json")
                      .out())
              .get("token")
              .asText();
      HttpResponse<String> posted =
          http.send(
              HttpRequest.newBuilder(URI.create(service.apiUrl() + "/api/v1/submissions"))
                  .header("Authorization", "Token " + token)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "http-only.example\nftp://x.example/\n", StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

      InetSocketAddress dns = service.dnsTcpAddress();
      ZoneTransferIn xfr =
          ZoneTransferIn.newAXFR(
              Name.fromString("community.rpz."), dns.getHostString(), dns.getPort(), null);
      xfr.setTimeout(Duration.ofSeconds(20));
      xfr.run();
      assertThat(xfr.getAXFR()).hasSize(2 + 3 * 2 + 1); // SOA, NS, 3 names twice, SOA

      String axfr = key("rpzx_dns_transfers_total", "kind", "axfr", "consumer", "uni-a-resolver");
      String acked =
          key("rpzx_dns_notify_total", "consumer", "uni-a-resolver", "outcome", "acknowledged");
      Map<String, Double> m =
          metricsOnce(x -> x.getOrDefault(axfr, 0.0) >= 1 && x.getOrDefault(acked, 0.0) >= 2);

      assertThat(m)
          .containsEntry(
              key("rpzx_submissions_total", "channel", "smtp", "outcome", "applied"), 1.0)
          .containsEntry(
              key("rpzx_submissions_total", "channel", "http", "outcome", "applied"), 1.0)
          .containsEntry(
              key("rpzx_submissions_total", "channel", "smtp", "outcome", "refused"), 0.0)
          .containsEntry(key("rpzx_sender_checks_total", "result", "authorized"), 1.0)
          .containsEntry(key("rpzx_sender_checks_total", "result", "unauthorized"), 1.0)
          .containsEntry(
              key("rpzx_submission_lines_total", "channel", "smtp", "outcome", "accepted"), 2.0)
          .containsEntry(
              key("rpzx_submission_lines_total", "channel", "smtp", "outcome", "rejected"), 2.0)
          .containsEntry(
              key("rpzx_submission_lines_total", "channel", "smtp", "outcome", "skipped"), 2.0)
          .containsEntry(
              key("rpzx_submission_lines_total", "channel", "http", "outcome", "accepted"), 1.0)
          .containsEntry(
              key("rpzx_submission_lines_total", "channel", "http", "outcome", "rejected"), 1.0)
          .containsEntry(key("rpzx_submission_rejected_lines_total", "reason", "url"), 2.0)
          .containsEntry(key("rpzx_submission_rejected_lines_total", "reason", "ip-address"), 1.0)
          .containsEntry(key("rpzx_submission_rejected_lines_total", "reason", "syntax"), 0.0)
          .containsEntry("rpzx_zone_names", 3.0)
          .containsEntry("rpzx_zone_serial", (double) service.zone().current().serial())
          .containsEntry("rpzx_zone_journal_change_sets", 2.0)
          .containsEntry(axfr, 1.0)
          .containsEntry(acked, 2.0)
          .containsEntry("rpzx_smtp_sessions_total", 2.0)
          .containsEntry(key("rpzx_smtp_replies_total", "class", "2xx", "code", "250"), 1.0)
          .containsEntry(key("rpzx_smtp_replies_total", "class", "5xx", "code", "550"), 1.0);
      assertThat(m.get("rpzx_zone_journal_bytes")).isPositive();
      assertThat(m.get(key("rpzx_dns_transfer_bytes_total", "kind", "axfr"))).isGreaterThan(100);
      assertThat(secondary.received.get()).isEqualTo(2);
      assertThat(m.keySet())
          .as("no series names an institution or a sender")
          .noneMatch(k -> k.contains("Uni A") || k.contains(SENDER));
    }
  }
}
