package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.dist.api.Route;
import org.rpzx.dist.config.ConfigLoader;
import org.rpzx.dist.serve.RpzxService;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.ZoneTransferIn;

/**
 * SPEC §7, the origin of entries is never disclosed: an institution with a distinctive name, sender
 * address and domain submits by mail and HTTP; then every channel that reaches anyone else is
 * scanned for those strings: AXFR and IXFR, the exports, every GET route of the API (taken from the
 * service's own route list, so a route added later is scanned too) and every other route with
 * another institution's tokens and the first institution's ids and names in the path, {@code
 * /metrics}, {@code /healthz}, the SMTP dialogue of another institution's sender (duplicates and
 * colliding lines included), and the service's log at the default level. The packaged jar runs as
 * its own process, as an operator runs it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PrivacyIT {

  static final String SECRET = "Zyxwvu Secret Institute";
  static final String SECRET_SENDER = "leaky.sender@zyxwvu-secret.example";
  static final String OTHER = "Plain Other College";
  static final String OTHER_SENDER = "noc@other-college.example";
  static final String COMMUNITY = "blocklist@rpzx.test";
  static final String REPORTS = "reports@rpzx.test";
  static final List<String> NEEDLES =
      List.of("zyxwvu", "leaky.sender", "zyxwvu-secret.example", "zyxwvu secret institute");
  static final Name ZONE = Name.fromConstantString("community.rpz.");
  private static final Pattern PARAM = Pattern.compile("\\{[a-z_]+}");

  static final String CONFIG =
      String.join(
          "\n",
          "data-dir: $DATA",
          "smtp:",
          "  listen: 127.0.0.1:$SMTP",
          "  community-addresses: [" + COMMUNITY + "]",
          "dns:",
          "  listen: 127.0.0.1:$DNS",
          "api:",
          "  listen: 127.0.0.1:$API",
          "top-sites:",
          "  n: 100",
          "entries:",
          "  coalesce-window: 100ms",
          "governance:",
          "  report-addresses: [" + REPORTS + "]",
          "privacy:",
          "  keep-raw-messages: true",
          "");

  @TempDir Path dir;
  private ServiceProcess rpzx;
  private TokenHttp api;
  private String op;
  private final LeakScanner leaks = new LeakScanner(NEEDLES);

  /** The first institution's objects, to put into other institutions' requests. */
  private final List<Long> secretSubmissions = new ArrayList<>();

  private String secretTokenId;

  /** False-positive reports the other institution filed on the first institution's names. */
  private final List<Long> otherReports = new ArrayList<>();

  /** The other institution's tokens by what they may do. */
  private final Map<String, String> otherTokens = new LinkedHashMap<>();

  @AfterEach
  void stop() throws Exception {
    if (rpzx != null) {
      rpzx.close();
    }
  }

  @Test
  void nothingAboutAnInstitutionReachesAnyoneElse() throws Exception {
    rpzx = ServiceProcess.start(dir, CONFIG);
    api = new TokenHttp(rpzx.apiBase());
    op = rpzx.operatorToken();
    setUpInstitutions();
    long serialBefore = api.get("/healthz", null).json().get("serial").asLong();

    submitAsTheSecretInstitution();
    submitAsTheOtherInstitutionAndScanItsReplies();
    List<Route> routes = routesOfTheService();
    reportAsTheOtherInstitution(routes);

    scanTransfers(serialBefore);
    scanExportsMetricsAndHealth();
    scanEveryReadRoute(routes);
    checkNoRouteTellsExistenceApart(routes);
    scanEveryChangingRoute(routes);
    assertFailedAttemptsWereAudited();

    String log = rpzx.stopAndReadLog();
    assertThat(log)
        .as("the log is not empty: submissions were logged")
        .contains("submission")
        .contains("zone serial");
    leaks.scan("the service log at the default level", log);

    assertThat(leaks.scanned()).isGreaterThan(200);
    assertThat(leaks.findings()).as("what reached another institution or the log").isEmpty();
  }

  private void setUpInstitutions() throws Exception {
    for (String[] i : new String[][] {{SECRET, SECRET_SENDER}, {OTHER, OTHER_SENDER}}) {
      api.ok("POST", "/api/v1/institutions", op, Map.of("name", i[0]));
      api.ok("POST", "/api/v1/senders", op, Map.of("email", i[1], "institution", i[0]));
    }
    JsonNode secretToken =
        api.ok(
            "POST",
            "/api/v1/tokens",
            op,
            Map.of(
                "institution", SECRET, "scopes", List.of("read", "submit", "report"), "name", "t"));
    secretTokenId = secretToken.get("info").get("id").asText();
    api.ok(
        "POST",
        "/api/v1/consumers",
        op,
        Map.of(
            "name",
            "resolver-a",
            "institution",
            SECRET,
            "tsig_key",
            "key-a",
            "allow",
            List.of("127.0.0.0/8")));
    List<List<String>> scopes =
        List.of(
            List.of("read"),
            List.of("submit"),
            List.of("report"),
            List.of("read", "submit", "report"));
    for (List<String> s : scopes) {
      JsonNode t =
          api.ok(
              "POST",
              "/api/v1/tokens",
              op,
              Map.of("institution", OTHER, "scopes", s, "name", String.join("+", s)));
      otherTokens.put(String.join("+", s), t.get("token").asText());
    }
    // the secret institution's own token, for its HTTP submission
    otherTokens.put("__secret", secretToken.get("token").asText());
  }

  private String secretToken() {
    return otherTokens.get("__secret");
  }

  private Map<String, String> othersOnly() {
    Map<String, String> out = new LinkedHashMap<>(otherTokens);
    out.remove("__secret");
    return out;
  }

  /**
   * The other institution's token with every scope an institution can have: scopes only add access,
   * so for the long passes it stands for the single-scope ones.
   */
  private Map<String, String> widestOther() {
    return Map.of("read+submit+report", otherTokens.get("read+submit+report"));
  }

  private void submitAsTheSecretInstitution() throws Exception {
    String first =
        mailFromSecret(
            "<first.7@zyxwvu-secret.example>",
            "q7-malware.example\n*.q7-phish.example\nhttp://intranet.zyxwvu-secret.example/login\n"
                + "192.0.2.99\n");
    String second = mailFromSecret("<second.7@zyxwvu-secret.example>", "q7-c2.example.net\n");
    for (String reply : List.of(first, second)) {
      Matcher m = Pattern.compile("^250 2\\.0\\.0 submission (\\d+):").matcher(reply);
      assertThat(m.find()).as(reply).isTrue();
      secretSubmissions.add(Long.parseLong(m.group(1)));
    }
    TokenHttp.Answer http =
        api.send(
            "POST",
            "/api/v1/submissions",
            secretToken(),
            "q7-http.example.org\nzyxwvu-secret.example:443\n");
    assertThat(http.status()).as(http.body()).isEqualTo(201);
    secretSubmissions.add(http.json().get("id").asLong());
  }

  /** Jakarta Mail, with the institution's name in the subject, body and Message-ID. */
  private String mailFromSecret(String messageId, String domainsTxt) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(rpzx.smtpPort));
    props.put("mail.smtp.timeout", "20000");
    props.put("mail.smtp.localhost", "mx.zyxwvu-secret.example");
    Session session = Session.getInstance(props);
    MimeMessage msg =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws jakarta.mail.MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    msg.setFrom(new InternetAddress(SECRET_SENDER, "CERT of " + SECRET));
    msg.setRecipient(Message.RecipientType.TO, new InternetAddress(COMMUNITY));
    msg.setSubject("Blocklist from " + SECRET);
    MimeBodyPart body = new MimeBodyPart();
    body.setText("Regards,\n" + SECRET + " CERT <" + SECRET_SENDER + ">\n", "UTF-8");
    MimeBodyPart attachment = new MimeBodyPart();
    attachment.setDataHandler(
        new DataHandler(
            new ByteArrayDataSource(
                domainsTxt.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8")));
    attachment.setFileName("domains.txt");
    MimeMultipart mp = new MimeMultipart();
    mp.addBodyPart(body);
    mp.addBodyPart(attachment);
    msg.setContent(mp);
    msg.saveChanges();
    try (Transport t = session.getTransport("smtp")) {
      t.connect();
      t.sendMessage(msg, msg.getAllRecipients());
      return ((SMTPTransport) t).getLastServerResponse().strip();
    }
  }

  /** The same names, names that collide with them, and a sender that is not registered. */
  private void submitAsTheOtherInstitutionAndScanItsReplies() throws Exception {
    String same =
        "q7-malware.example\n*.q7-phish.example\nq7-c2.example.net\nq7-http.example.org\n";
    String colliding =
        "Q7-MALWARE.EXAMPLE.\n*.q7-c2.example.net\nsub.q7-phish.example\nq7-http.example.org\n"
            + "http://q7-malware.example/x\nexample.net\n";
    for (String text : List.of(same, same, colliding)) {
      String out = swaks(OTHER_SENDER, text);
      assertThat(out).containsPattern("<-  250 2\\.0\\.0 submission \\d+: \\d+ accepted");
      leaks.scan("SMTP dialogue of " + OTHER_SENDER, out);
    }
    String refused = swaks("intruder@other-college.example", same);
    assertThat(refused).contains("<** 550 5.7.1");
    leaks.scan("SMTP dialogue of an unregistered sender", refused);
    for (String text : List.of(same, colliding)) {
      TokenHttp.Answer a = api.send("POST", "/api/v1/submissions", otherTokens.get("submit"), text);
      assertThat(a.status()).as(a.body()).isEqualTo(201);
      leaks.scan("HTTP submission report to " + OTHER, a.everything());
    }
  }

  /**
   * SPEC §8, the reporter never learns who submitted the name: the other institution reports the
   * first one's names over HTTP (when the service has the route) and by mail to the report address.
   */
  private void reportAsTheOtherInstitution(List<Route> routes) throws Exception {
    boolean httpReports =
        routes.stream()
            .anyMatch(r -> r.method().equals("POST") && r.template().equals("/api/v1/reports"));
    if (httpReports) {
      TokenHttp.Answer a =
          api.send(
              "POST",
              "/api/v1/reports",
              otherTokens.get("report"),
              "{\"name\":\"sub.q7-phish.example\",\"reason\":\"our intranet portal\"}");
      assertThat(a.status() / 100).as(a.body()).isEqualTo(2);
      otherReports.add(a.json().get("id").asLong());
      leaks.scan("HTTP report answer to " + OTHER, a.everything());
    }
    String mailed =
        run(
            List.of(
                "swaks",
                "--server",
                "127.0.0.1:" + rpzx.smtpPort,
                "--from",
                OTHER_SENDER,
                "--to",
                REPORTS,
                "--header",
                "Subject: not malicious, our partner",
                "--body",
                "q7-c2.example.net\n"));
    assertThat(mailed).containsPattern("<-  250 .*report #\\d+ filed");
    leaks.scan("SMTP dialogue of a mailed report by " + OTHER_SENDER, mailed);
  }

  private String run(List<String> command) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private String swaks(String from, String domainsTxt) throws Exception {
    Path file = Files.createTempFile(dir, "domains", ".txt");
    Files.writeString(file, domainsTxt);
    Process p =
        new ProcessBuilder(
                "swaks",
                "--server",
                "127.0.0.1:" + rpzx.smtpPort,
                "--from",
                from,
                "--to",
                COMMUNITY,
                "--attach-type",
                "text/plain",
                "--attach-name",
                "domains.txt",
                "--attach",
                "@" + file)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private void scanTransfers(long serialBefore) throws Exception {
    ZoneTransferIn axfr =
        ZoneTransferIn.newAXFR(ZONE, new InetSocketAddress("127.0.0.1", rpzx.dnsPort), null);
    axfr.setTimeout(Duration.ofSeconds(20));
    axfr.run();
    StringBuilder all = new StringBuilder();
    for (Record r : axfr.getAXFR()) {
      all.append(r).append('\n');
    }
    assertThat(all.toString())
        .as("the zone has the names: the scan sees real content")
        .contains("q7-malware.example.community.rpz.")
        .contains("*.q7-phish.example.community.rpz.")
        .contains("q7-http.example.org.community.rpz.");
    leaks.scan("AXFR", all.toString());

    ZoneTransferIn ixfr =
        ZoneTransferIn.newIXFR(
            ZONE, serialBefore, false, new InetSocketAddress("127.0.0.1", rpzx.dnsPort), null);
    ixfr.setTimeout(Duration.ofSeconds(20));
    ixfr.run();
    assertThat(ixfr.isIXFR()).isTrue();
    StringBuilder deltas = new StringBuilder();
    for (ZoneTransferIn.Delta d : ixfr.getIXFR()) {
      d.adds.forEach(r -> deltas.append("+ ").append(r).append('\n'));
      d.deletes.forEach(r -> deltas.append("- ").append(r).append('\n'));
    }
    assertThat(deltas.toString()).contains("q7-c2.example.net.community.rpz.");
    leaks.scan("IXFR from serial " + serialBefore, deltas.toString());
  }

  private void scanExportsMetricsAndHealth() throws Exception {
    for (String export : List.of("/export/rpz", "/export/domains.txt", "/export/hosts")) {
      TokenHttp.Answer a = api.get(export, otherTokens.get("read"));
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.body()).contains("q7-malware.example");
      leaks.scan("GET " + export, a.everything());
    }
    TokenHttp.Answer metrics = api.get("/metrics", null);
    assertThat(metrics.body()).contains("rpzx_submissions_total");
    leaks.scan("GET /metrics", metrics.everything());
    TokenHttp.Answer health = api.get("/healthz", null);
    assertThat(health.body()).contains("serial");
    leaks.scan("GET /healthz", health.everything());
  }

  /** The routes as the service registers them: an in-process service on the same configuration. */
  private List<Route> routesOfTheService() throws Exception {
    Path d = dir.resolve("routes");
    Files.createDirectories(d);
    Path file = d.resolve("rpzx.yaml");
    Files.writeString(
        file,
        CONFIG
            .replace("$DATA", d.resolve("data").toString())
            .replace("$SMTP", "0")
            .replace("$DNS", "0")
            .replace("$API", "0"));
    try (RpzxService s = RpzxService.start(ConfigLoader.load(file))) {
      return s.apiRoutes();
    }
  }

  /** Values of the first institution's objects to put into path parameters. */
  private List<String> fills() {
    List<String> out = new ArrayList<>(identityFills().keySet());
    secretSubmissions.forEach(id -> out.add(String.valueOf(id)));
    otherReports.forEach(id -> out.add(String.valueOf(id)));
    out.addAll(List.of("q7-malware.example", "q7-c2.example.net"));
    return out;
  }

  /** The first institution's identifiers, each with a made-up one of the same kind. */
  private Map<String, String> identityFills() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(SECRET, "Qqqq Unknown Institute");
    out.put(SECRET_SENDER, "nobody@unknown-place.example");
    out.put(secretTokenId, "AAAAAAAAAAAAAAAAAAAAAA");
    out.put("resolver-a", "resolver-zz");
    out.put("key-a", "key-zz");
    return out;
  }

  private static int params(Route r) {
    Matcher m = PARAM.matcher(r.template());
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Every way to fill the route's parameters from {@code values} (diagonal beyond two). */
  private static List<List<String>> combinations(int n, List<String> values) {
    List<List<String>> out = new ArrayList<>();
    out.add(new ArrayList<>());
    if (n > 2) {
      return values.stream().map(v -> java.util.Collections.nCopies(n, v)).toList();
    }
    for (int i = 0; i < n; i++) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (String v : values) {
          List<String> l = new ArrayList<>(prefix);
          l.add(v);
          next.add(l);
        }
      }
      out = next;
    }
    return out;
  }

  private static String path(Route r, List<String> values) {
    String p = r.template();
    for (String v : values) {
      p = p.replaceFirst("\\{[a-z_]+}", Matcher.quoteReplacement(TokenHttp.segment(v)));
    }
    return p;
  }

  private void scanEveryReadRoute(List<Route> routes) throws Exception {
    String query =
        "?institution="
            + TokenHttp.segment(SECRET)
            + "&sender="
            + TokenHttp.segment(SECRET_SENDER)
            + "&name=q7-malware.example&limit=5";
    List<String> queryValues = List.of(SECRET, SECRET_SENDER, "q7-malware.example");
    int ok = 0;
    int gets = 0;
    for (Route r : routes) {
      if (!r.method().equals("GET")) {
        continue;
      }
      gets++;
      for (List<String> values : combinations(params(r), fills())) {
        String path = path(r, values);
        for (Map.Entry<String, String> t : othersOnly().entrySet()) {
          TokenHttp.Answer plain = api.get(path, t.getValue());
          ok += plain.status() == 200 ? 1 : 0;
          leaks.scan(t.getKey() + " token: GET " + path, plain.everything(), values);
          if (!values.isEmpty()) {
            continue;
          }
          List<String> asked = new ArrayList<>(values);
          asked.addAll(queryValues);
          TokenHttp.Answer queried = api.get(path + query, t.getValue());
          leaks.scan(t.getKey() + " token: GET " + path + query, queried.everything(), asked);
        }
      }
    }
    assertThat(gets).as("the route list has the read routes").isGreaterThan(10);
    assertThat(ok).as("some routes answer another institution's tokens with data").isPositive();
  }

  /**
   * A route answers another institution the same for the first institution's identifiers as for
   * made-up ones: whether an institution, sender, token or consumer exists is not revealed either.
   */
  private void checkNoRouteTellsExistenceApart(List<Route> routes) throws Exception {
    for (Route r : routes) {
      if (!r.method().equals("GET") || params(r) != 1) {
        continue;
      }
      for (Map.Entry<String, String> id : identityFills().entrySet()) {
        for (Map.Entry<String, String> t : widestOther().entrySet()) {
          TokenHttp.Answer real = api.get(path(r, List.of(id.getKey())), t.getValue());
          TokenHttp.Answer fake = api.get(path(r, List.of(id.getValue())), t.getValue());
          String a = normalise(real.body(), id.getKey());
          String b = normalise(fake.body(), id.getValue());
          if (real.status() != fake.status() || !a.equals(b)) {
            leaks.scan(
                "existence oracle " + t.getKey() + " GET " + r.template(),
                real.status() + " " + real.body() + " vs " + fake.status() + " " + fake.body());
            throw new AssertionError(
                t.getKey()
                    + " token: GET "
                    + r.template()
                    + " tells a real "
                    + id.getKey()
                    + " ("
                    + real.status()
                    + " "
                    + real.body()
                    + ") from a made-up one ("
                    + fake.status()
                    + " "
                    + fake.body()
                    + ")");
          }
        }
      }
    }
  }

  private static String normalise(String body, String value) {
    return body.replace(value, "\u2423").replace(TokenHttp.segment(value), "\u2423");
  }

  /** Every other route, with another institution's tokens, ids in the path and bodies. */
  private void scanEveryChangingRoute(List<Route> routes) throws Exception {
    List<String> fills = new ArrayList<>(identityFills().keySet());
    fills.add(String.valueOf(secretSubmissions.get(0)));
    fills.add("q7-malware.example");
    int changing = 0;
    for (Route r : routes) {
      if (r.method().equals("GET")) {
        continue;
      }
      changing++;
      for (List<String> values : combinations(params(r), fills)) {
        String path = path(r, values);
        Map<String, List<String>> bodies = new LinkedHashMap<>();
        bodies.put(
            "{\"name\":\"q7-malware.example\",\"reason\":\"a false positive\"}",
            List.of("q7-malware.example"));
        bodies.put(
            "{\"email\":\"" + SECRET_SENDER + "\",\"institution\":\"" + SECRET + "\"}",
            List.of(SECRET_SENDER, SECRET));
        bodies.put("q7-malware.example\n", List.of("q7-malware.example"));
        for (Map.Entry<String, List<String>> body : bodies.entrySet()) {
          List<String> asked = new ArrayList<>(values);
          asked.addAll(body.getValue());
          for (Map.Entry<String, String> t : widestOther().entrySet()) {
            TokenHttp.Answer a = api.send(r.method(), path, t.getValue(), body.getKey());
            leaks.scan(
                t.getKey() + " token: " + r.method() + " " + path + " " + body.getKey(),
                a.everything(),
                asked);
          }
        }
      }
    }
    assertThat(changing).isGreaterThan(5);
  }

  /** The operator sees the other institution's refused attempts in the audit log. */
  private void assertFailedAttemptsWereAudited() throws Exception {
    JsonNode audit = api.ok("GET", "/api/v1/audit?since=1h&limit=100000", op, null);
    boolean refusedInstitutionRead = false;
    for (JsonNode e : audit) {
      if (e.get("status").asInt() == 403
          && OTHER.equals(e.get("institution").asText(null))
          && e.get("route").asText().equals("/api/v1/institutions/{name}")) {
        refusedInstitutionRead = true;
        assertThat(e.get("token").asText()).doesNotStartWith("rpzx_");
      }
    }
    assertThat(refusedInstitutionRead).as("audit: " + audit).isTrue();
  }
}
