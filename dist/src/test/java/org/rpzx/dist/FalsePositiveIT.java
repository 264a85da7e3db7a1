package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rpzx.core.zone.Serial;
import org.rpzx.dist.api.Json;
import org.rpzx.dist.cli.RpzxCommand;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/**
 * False-positive reports and the operator's overrides against a running service: institution B
 * reports a name institution A mailed in, sees its report but never A; the operator confirms and
 * the name leaves AXFR in exactly one IXFR change set; A's re-submission is rejected {@code
 * suppressed}; a dismissal changes nothing; {@code entries remove|add} with AXFR checks.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FalsePositiveIT extends ServiceTestBase {

  private static final Name ZONE = Name.fromConstantString("community.rpz.");
  private final HttpClient http = HttpClient.newHttpClient();

  // ---- CLI and HTTP helpers

  private RpzxHarness.CliResult ok(String... args) {
    RpzxHarness.CliResult r = RpzxHarness.cli(service, args);
    assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r;
  }

  private JsonNode json(String... args) throws Exception {
    List<String> full = new ArrayList<>(List.of(args));
    full.add("--json");
    return Json.MAPPER.readTree(ok(full.toArray(String[]::new)).out());
  }

  /** {@code rpzx args...} with another token than the operator's. */
  private RpzxHarness.CliResult cliAs(Path tokenFile, String... args) {
    CommandLine cmd = new CommandLine();
    return cmd.run(tokenFile, args);
  }

  /** Runs the CLI in-process with a given token file. */
  private final class CommandLine {
    RpzxHarness.CliResult run(Path tokenFile, String... args) {
      picocli.CommandLine cmd = RpzxCommand.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cmd.setOut(new PrintWriter(out));
      cmd.setErr(new PrintWriter(err));
      List<String> full = new ArrayList<>(List.of(args));
      full.addAll(
          List.of(
              "--api",
              "http://127.0.0.1:" + service.apiAddress().getPort(),
              "--token-file",
              tokenFile.toString()));
      int code = cmd.execute(full.toArray(String[]::new));
      return new RpzxHarness.CliResult(code, out.toString(), err.toString());
    }
  }

  private Path tokenFile(String institution, String scope) throws Exception {
    String secret =
        json("token", "create", "--institution", institution, "--scope", scope)
            .get("token")
            .asText();
    Path file = dir.resolve(institution.replace(' ', '-') + "-" + scope + ".token");
    Files.writeString(file, secret + "\n");
    return file;
  }

  private HttpResponse<String> get(Path tokenFile, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.apiAddress().getPort() + path))
            .header("Authorization", "Token " + Files.readString(tokenFile).strip())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The reason the service gives {@code name} in a fresh HTTP submission, or "accepted". */
  private String verdict(Path submitToken, String name) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + service.apiAddress().getPort()
                            + "/api/v1/submissions"))
                .header("Authorization", "Token " + Files.readString(submitToken).strip())
                .POST(HttpRequest.BodyPublishers.ofString(name + "\n", StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    JsonNode report = Json.MAPPER.readTree(answer.body());
    return report.get("accepted").asInt() == 1
        ? "accepted"
        : report.get("rejected_lines").get(0).get("reason").asText();
  }

  // ---- DNS helpers (dnsjava as the transfer client)

  private record Axfr(long serial, List<String> owners) {}

  private Axfr axfr() throws Exception {
    InetSocketAddress dns = service.dnsTcpAddress();
    ZoneTransferIn xfr = ZoneTransferIn.newAXFR(ZONE, dns.getHostString(), dns.getPort(), null);
    xfr.setTimeout(Duration.ofSeconds(10));
    xfr.run();
    List<Record> records = xfr.getAXFR();
    long serial = ((SOARecord) records.get(0)).getSerial();
    return new Axfr(serial, owners(records));
  }

  private ZoneTransferIn ixfr(long fromSerial) throws Exception {
    InetSocketAddress dns = service.dnsTcpAddress();
    ZoneTransferIn xfr =
        ZoneTransferIn.newIXFR(ZONE, fromSerial, false, dns.getHostString(), dns.getPort(), null);
    xfr.setTimeout(Duration.ofSeconds(10));
    xfr.run();
    return xfr;
  }

  private static List<String> owners(List<Record> records) {
    List<String> out = new ArrayList<>();
    for (Record r : records) {
      if (r.getType() == Type.CNAME) {
        out.add(r.getName().relativize(ZONE).toString());
      }
    }
    return out;
  }

  /**
   * Asserts that the zone went from {@code before} to the current AXFR in exactly one change set
   * that deletes exactly {@code deleted} (and their wildcards) and adds {@code added}.
   */
  private Axfr assertOneChangeSet(Axfr before, List<String> deleted, List<String> added)
      throws Exception {
    Axfr after = axfr();
    assertThat(Serial.isNewer(after.serial(), before.serial())).isTrue();
    ZoneTransferIn ixfr = ixfr(before.serial());
    assertThat(ixfr.isIXFR()).isTrue();
    List<ZoneTransferIn.Delta> deltas = ixfr.getIXFR();
    assertThat(deltas).as("exactly one new serial").hasSize(1);
    ZoneTransferIn.Delta d = deltas.get(0);
    assertThat(d.start).isEqualTo(before.serial());
    assertThat(d.end).isEqualTo(after.serial());
    assertThat(owners(d.deletes)).containsExactlyInAnyOrderElementsOf(withWildcards(deleted));
    assertThat(owners(d.adds)).containsExactlyInAnyOrderElementsOf(withWildcards(added));
    return after;
  }

  private static List<String> withWildcards(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(n);
      out.add("*." + n);
    }
    return out;
  }

  /**
   * Mails a plain-text message (a report) with Jakarta Mail; returns the server's reply to the end
   * of DATA, also when it is a refusal.
   */
  private String mailText(String from, String to, String subject, String body) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(service.smtpPort()));
    props.put("mail.smtp.timeout", "20000");
    Session session = Session.getInstance(props);
    MimeMessage msg = new MimeMessage(session);
    msg.setFrom(new InternetAddress(from));
    msg.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    msg.setSubject(subject, "UTF-8");
    msg.setText(body, "UTF-8");
    msg.saveChanges();
    try (Transport t = session.getTransport("smtp")) {
      t.connect();
      try {
        t.sendMessage(msg, msg.getAllRecipients());
      } catch (MessagingException refused) {
        // the reply to DATA refused the message; it is the last one the transport saw
      }
      return ((SMTPTransport) t).getLastServerResponse().strip();
    }
  }

  // ---- the tests

  @Test
  void aConfirmedReportDelistsAtOnceAndTheReporterNeverLearnsTheSubmitter() throws Exception {
    service = startFromConfigFile("governance:", "  false-positive-suppression: 30d");
    ok("institution", "add", "Uni A");
    ok("institution", "add", "Uni B");
    ok("sender", "add", SENDER, "--institution", "Uni A");
    assertThat(
            RpzxHarness.mail(
                service, SENDER, COMMUNITY, "shop.example.org\nphish.example.net\nbad.example\n"))
        .startsWith("250 2.0.0");
    Path reportB = tokenFile("Uni B", "report");
    Path reportA = tokenFile("Uni A", "report");
    Path submitA = tokenFile("Uni A", "submit");
    assertThat(service.apiRoutes())
        .extracting(r -> r.method() + " " + r.template())
        .contains(
            "POST /api/v1/reports",
            "GET /api/v1/reports",
            "GET /api/v1/reports/{id}",
            "POST /api/v1/reports/{id}/confirm",
            "POST /api/v1/reports/{id}/dismiss",
            "POST /api/v1/entries",
            "DELETE /api/v1/entries/{name}");

    // B reports a name under A's entry: the report is about the entry
    RpzxHarness.CliResult filed =
        cliAs(
            reportB,
            "report",
            "file",
            "WWW.Shop.Example.ORG.",
            "--reason",
            "our web shop",
            "--json");
    assertThat(filed.exitCode()).as(filed.err()).isZero();
    JsonNode report = Json.MAPPER.readTree(filed.out());
    long id = report.get("id").asLong();
    assertThat(report.get("name").asText()).isEqualTo("shop.example.org");
    assertThat(report.get("reported_name").asText()).isEqualTo("www.shop.example.org");
    assertThat(report.get("status").asText()).isEqualTo("open");
    assertThat(report.has("submitters")).isFalse();
    RpzxHarness.CliResult again =
        cliAs(reportB, "report", "file", "shop.example.org", "--reason", "again", "--json");
    assertThat(Json.MAPPER.readTree(again.out()).get("id").asLong())
        .as("B's open report comes back")
        .isEqualTo(id);
    assertThat(cliAs(reportB, "report", "file", "example.org", "--reason", "x").err())
        .isEqualTo("rpzx: error: example.org is not listed (HTTP 400)\n");

    // B sees its report and nothing of A; A does not see B's report at all
    for (String path : List.of("/api/v1/reports/" + id, "/api/v1/reports")) {
      HttpResponse<String> seen = get(reportB, path);
      assertThat(seen.statusCode()).isEqualTo(200);
      assertThat(seen.body())
          .contains("shop.example.org")
          .doesNotContain("Uni A")
          .doesNotContain(SENDER)
          .doesNotContain("uni.example")
          .doesNotContain("submitter")
          .doesNotContain("token:");
    }
    assertThat(get(reportA, "/api/v1/reports/" + id).statusCode()).isEqualTo(404);
    assertThat(get(reportA, "/api/v1/reports").body()).isEqualTo("[]");
    assertThat(get(reportB, "/api/v1/reports/" + id + "/confirm").statusCode())
        .as("GET is not a decision")
        .isEqualTo(405);
    RpzxHarness.CliResult byB = cliAs(reportB, "report", "confirm", String.valueOf(id));
    assertThat(byB.exitCode()).as("only the operator decides").isEqualTo(4);
    RpzxHarness.CliResult bShows = cliAs(reportB, "report", "show", String.valueOf(id));
    assertThat(bShows.out()).contains("our web shop").doesNotContain("Uni A");

    // the operator sees reporter and submitters
    JsonNode operatorView = json("report", "show", String.valueOf(id));
    assertThat(operatorView.get("reporter").asText()).isEqualTo("Uni B");
    assertThat(operatorView.get("submitters").get(0).asText()).isEqualTo("Uni A");
    assertThat(ok("report", "list", "--status", "open").out())
        .contains("shop.example.org")
        .contains("Uni B");

    // confirm: gone from AXFR, exactly one new serial whose IXFR deletes exactly that entry
    Axfr before = axfr();
    assertThat(before.owners()).contains("shop.example.org", "*.shop.example.org");
    Instant confirmedAt = Instant.now();
    RpzxHarness.CliResult confirmed =
        ok("report", "confirm", String.valueOf(id), "--note", "ticket 4711");
    assertThat(confirmed.out())
        .isEqualTo(
            "report #" + id + " confirmed: shop.example.org left the zone and is suppressed\n");
    Axfr after = assertOneChangeSet(before, List.of("shop.example.org"), List.of());
    assertThat(after.owners()).doesNotContain("shop.example.org", "*.shop.example.org");
    assertThat(after.owners()).contains("phish.example.net", "bad.example");

    JsonNode b = Json.MAPPER.readTree(get(reportB, "/api/v1/reports/" + id).body());
    assertThat(b.get("status").asText()).isEqualTo("confirmed");
    assertThat(b.has("note")).as("the operator's note is not the reporter's").isFalse();
    JsonNode suppression = json("suppressions", "list").get(0);
    assertThat(suppression.get("name").asText()).isEqualTo("shop.example.org");
    assertThat(suppression.get("reason").asText()).isEqualTo("false positive, report #" + id);
    assertThat(Instant.parse(suppression.get("until").asText()))
        .isBetween(
            confirmedAt.plus(Duration.ofDays(30)).minusSeconds(5),
            Instant.now().plus(Duration.ofDays(30)));
    assertThat(RpzxHarness.cli(service, "report", "confirm", String.valueOf(id)).exitCode())
        .as("decided already: conflict")
        .isEqualTo(6);
    assertThat(service.reports().confirmedFalsePositives(1, confirmedAt.minusSeconds(5)))
        .as("Uni A (id 1) had submitted it")
        .isEqualTo(1);
    assertThat(json("institution", "stats", "Uni A").get("false_positives").asLong())
        .as("the operator's quality figures count it")
        .isEqualTo(1);
    assertThat(json("institution", "stats", "Uni B").get("false_positives").asLong()).isZero();

    // A re-submits it: rejected suppressed, by mail and over HTTP, and the zone keeps its serial
    assertThat(RpzxHarness.mail(service, SENDER, COMMUNITY, "shop.example.org\n"))
        .contains("0 accepted, 1 rejected");
    assertThat(verdict(submitA, "shop.example.org")).isEqualTo("suppressed");
    assertThat(axfr()).isEqualTo(after);

    // a dismissal leaves the zone alone
    RpzxHarness.CliResult second =
        cliAs(reportB, "report", "file", "phish.example.net", "--reason", "ours too", "--json");
    long dismissId = Json.MAPPER.readTree(second.out()).get("id").asLong();
    assertThat(ok("report", "dismiss", String.valueOf(dismissId), "--note", "still phishing").out())
        .contains("stays listed");
    assertThat(axfr()).isEqualTo(after);
    assertThat(verdict(submitA, "phish.example.net")).isEqualTo("accepted");
    JsonNode dismissed = json("report", "list", "--status", "dismissed");
    assertThat(dismissed).hasSize(1);
    assertThat(dismissed.get(0).get("note").asText()).isEqualTo("still phishing");
  }

  @Test
  void theOperatorRemovesAndAddsEntriesWithTheCli() throws Exception {
    service = startFromConfigFile();
    ok("institution", "add", "Uni A");
    ok("sender", "add", SENDER, "--institution", "Uni A");
    assertThat(RpzxHarness.mail(service, SENDER, COMMUNITY, "cdn.example.net\nkeep.example\n"))
        .startsWith("250 2.0.0");
    Path submitA = tokenFile("Uni A", "submit");

    Axfr before = axfr();
    JsonNode removed =
        json("entries", "remove", "CDN.example.net", "--reason", "vendor CDN", "--for", "7d");
    assertThat(removed.get("name").asText()).isEqualTo("cdn.example.net");
    assertThat(Instant.parse(removed.get("suppressed_until").asText()))
        .isBetween(
            Instant.now().plus(Duration.ofDays(7)).minusSeconds(60),
            Instant.now().plus(Duration.ofDays(7)));
    Axfr afterRemoval = assertOneChangeSet(before, List.of("cdn.example.net"), List.of());
    assertThat(verdict(submitA, "cdn.example.net")).isEqualTo("suppressed");
    assertThat(json("entries", "show", "cdn.example.net").get("active").asBoolean()).isFalse();

    RpzxHarness.CliResult again =
        RpzxHarness.cli(service, "entries", "remove", "cdn.example.net", "--reason", "x");
    assertThat(again.exitCode()).as("no longer in the zone").isEqualTo(5);
    RpzxHarness.CliResult covered =
        RpzxHarness.cli(service, "entries", "remove", "www.keep.example", "--reason", "x");
    assertThat(covered.exitCode()).isEqualTo(5);
    assertThat(covered.err()).contains("the entry keep.example covers it");
    assertThat(RpzxHarness.cli(service, "entries", "remove", "keep.example").exitCode())
        .as("--reason is required")
        .isEqualTo(2);
    assertThat(
            RpzxHarness.cli(
                    service, "entries", "remove", "keep.example", "--reason", "x", "--for", "soon")
                .exitCode())
        .isEqualTo(7);
    assertThat(axfr()).isEqualTo(afterRemoval);

    RpzxHarness.CliResult added =
        ok("entries", "add", "*.Added.example.", "--reason", "campaign X");
    assertThat(added.out()).startsWith("added added.example (in the zone); expires 20");
    Axfr afterAdd = assertOneChangeSet(afterRemoval, List.of(), List.of("added.example"));
    assertThat(afterAdd.owners()).contains("added.example", "*.added.example", "keep.example");
    JsonNode shown = json("entries", "show", "added.example");
    assertThat(shown.get("submitters")).isEmpty();
    assertThat(shown.get("operator").get("reason").asText()).isEqualTo("campaign X");
    assertThat(shown.get("operator").get("added_by").asText()).startsWith("token:");
    assertThat(ok("entries", "show", "added.example").out()).contains("added by the operator");

    RpzxHarness.CliResult suppressed =
        RpzxHarness.cli(service, "entries", "add", "cdn.example.net");
    assertThat(suppressed.exitCode()).isEqualTo(7);
    assertThat(suppressed.err()).contains("rejected suppressed");
    assertThat(RpzxHarness.cli(service, "entries", "add", "co.uk").exitCode()).isEqualTo(7);
    assertThat(axfr()).isEqualTo(afterAdd);

    // institution tokens cannot override, whatever their scopes
    Path reportA = tokenFile("Uni A", "report");
    assertThat(cliAs(reportA, "entries", "add", "x.example").exitCode()).isEqualTo(4);
    assertThat(cliAs(reportA, "entries", "remove", "keep.example", "--reason", "x").exitCode())
        .isEqualTo(4);
    assertThat(axfr()).isEqualTo(afterAdd);
  }

  @Test
  void aRegisteredSenderReportsByMailAndUnknownSendersAreRefused() throws Exception {
    service = startFromConfigFile("governance:", "  report-addresses: [false-positives@rpzx.test]");
    ok("institution", "add", "Uni A");
    ok("institution", "add", "Uni B");
    ok("sender", "add", SENDER, "--institution", "Uni A");
    ok("sender", "add", "noc@uni-b.example", "--institution", "Uni B");
    assertThat(RpzxHarness.mail(service, SENDER, COMMUNITY, "shop.example.org\n"))
        .startsWith("250 2.0.0");
    Axfr before = axfr();

    String reply =
        mailText(
            "noc@uni-b.example",
            "False-Positives@RPZX.test",
            "our web shop",
            "www.shop.example.org\nnot-listed.example\n\n-- \nNOC Uni B\n");
    assertThat(reply)
        .startsWith("250 2.0.0 report #")
        .endsWith("filed; 1 line not filed: line 2: not-listed.example is not listed")
        .doesNotContain("Uni A")
        .doesNotContain(SENDER);
    long id = Long.parseLong(reply.replaceAll("^250 2\\.0\\.0 report #(\\d+) .*$", "$1"));
    JsonNode r = json("report", "show", String.valueOf(id));
    assertThat(r.get("name").asText()).isEqualTo("shop.example.org");
    assertThat(r.get("reason").asText()).isEqualTo("our web shop");
    assertThat(r.get("channel").asText()).isEqualTo("smtp");
    assertThat(r.get("reporter").asText()).isEqualTo("Uni B");
    assertThat(r.get("reported_by").asText()).isEqualTo("sender:noc@uni-b.example");
    assertThat(axfr()).as("filing changes nothing in the zone").isEqualTo(before);

    assertThat(
            mailText(
                "stranger@elsewhere.example",
                "false-positives@rpzx.test",
                "x",
                "shop.example.org\n"))
        .startsWith("550 5.7.1");
    assertThat(mailText("noc@uni-b.example", "false-positives@rpzx.test", "x", "nothing here"))
        .startsWith("550 5.6.0");
    assertThat(json("report", "list")).hasSize(1);

    ok("report", "confirm", String.valueOf(id));
    assertOneChangeSet(before, List.of("shop.example.org"), List.of());
  }
}
