package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rpzx.dist.api.Json;
import org.rpzx.dist.cli.RpzxCommand;
import org.rpzx.dist.config.ConfigLoader;
import org.rpzx.dist.serve.RpzxService;
import picocli.CommandLine;

/**
 * The commands of {@code docs/submitters.md}, run as the page shows them, in its order, against
 * rpzx with an S/MIME trust anchor: the page's {@code domains.txt} mailed unsigned with swaks,
 * signed with {@code openssl smime} and with {@code openssl cms} and sent with swaks, and posted
 * with curl and a {@code submit} token; the report read with {@code rpzx submissions show} and
 * curl. The page's example replies are what rpzx answers. The signer's certificate comes from a CA
 * made here with openssl (a fixture, not a page command).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SubmitterCommandsIT extends ServiceTestBase {

  private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z";

  private final DocSnippets doc = DocSnippets.load("submitters.md");

  @Test
  void thePagesCommandsSubmitAndReadTheReport() throws Exception {
    for (String tool : List.of("/usr/bin/swaks", "/usr/bin/openssl", "/usr/bin/curl")) {
      ResolverProcess.requireInstalled(Path.of(tool), Path.of(tool).getFileName().toString());
    }
    Path work = Files.createDirectories(dir.resolve("submitter"));
    makeCertificates(work);
    service = start(work.resolve("ca.pem"));
    assertThat(RpzxHarness.cli(service, "institution", "add", "Example University").exitCode())
        .isZero();
    assertThat(
            RpzxHarness.cli(service, "sender", "add", SENDER, "--institution", "Example University")
                .exitCode())
        .isZero();
    assertThat(SENDER).isEqualTo("cert@uni.example"); // the page's sender, as it is
    Files.writeString(work.resolve("domains.txt"), doc.get("domains-txt"));

    String api = "http://127.0.0.1:" + service.apiAddress().getPort();
    Map<String, String> mail =
        DocSnippets.replacing(
            "--server mx.rpzx.example.net",
            "--server 127.0.0.1:" + service.smtpPort(),
            "blocklist@rpzx.example.net",
            COMMUNITY);
    Map<String, String> signing = DocSnippets.replacing("blocklist@rpzx.example.net", COMMUNITY);
    Map<String, String> http = DocSnippets.replacing("https://rpzx.example.net:8053", api);

    // 1: unsigned, identified by From
    String unsigned = DocSnippets.run(work, doc.get("swaks-unsigned", mail));
    assertThat(unsigned).contains(doc.get("swaks-unsigned-reply").strip());
    assertThat(authenticated(1)).isEqualTo("from-header");

    // 2: openssl smime, sent with swaks
    DocSnippets.run(work, doc.get("smime-entity"));
    assertThat(Files.readString(work.resolve("entity.txt")))
        .startsWith("Content-Type: text/plain; charset=utf-8\nContent-Disposition: attachment;");
    DocSnippets.run(work, doc.get("openssl-smime", signing));
    assertThat(Files.readString(work.resolve("signed.eml")))
        .contains("multipart/signed", "application/x-pkcs7-signature", "micalg=\"sha-256\"")
        .doesNotContain("malware-c2.example"); // base64 inside the signed part
    String smime = DocSnippets.run(work, doc.get("swaks-signed", mail));
    assertThat(smime).contains(doc.get("swaks-signed-reply").strip());
    assertThat(authenticated(2)).isEqualTo("smime");

    // 3: openssl cms, sent the same way
    DocSnippets.run(work, doc.get("openssl-cms", signing));
    assertThat(Files.readString(work.resolve("signed.eml")))
        .contains("multipart/signed", "application/pkcs7-signature");
    assertThat(DocSnippets.run(work, doc.get("swaks-signed", mail)))
        .contains("<-  250 2.0.0 submission 3: 3 accepted, 4 rejected");
    assertThat(authenticated(3)).isEqualTo("smime");

    // 4: HTTP with an institution's submit token, written to the header file as the page says
    String created = runCli(DocSnippets.shellWords(doc.get("submit-token")), false);
    List<String> lines = created.lines().toList();
    String token = lines.get(lines.size() - 1).strip();
    assertThat(token).startsWith("rpzx_");
    Files.writeString(work.resolve("submit.header"), "Authorization: Token " + token + "\n");
    Files.writeString(work.resolve("submit.token"), token + "\n");
    String answer = DocSnippets.run(work, doc.get("curl-submit", http));
    assertThat(Json.MAPPER.readTree(answer))
        .isEqualTo(Json.MAPPER.readTree(doc.get("curl-submit-answer")));
    assertThat(authenticated(4)).isEqualTo("token");

    // the report of submission 2, as the institution reads it
    List<String> show =
        DocSnippets.shellWords(
            doc.get(
                "submissions-show",
                DocSnippets.replacing(
                    "--api https://rpzx.example.net:8053",
                    "--api " + api,
                    "--token-file submit.token",
                    "--token-file " + work.resolve("submit.token"))));
    assertThat(withoutTime(runCli(show, true)))
        .isEqualTo(withoutTime(doc.get("submissions-show-output")));
    JsonNode report = Json.MAPPER.readTree(DocSnippets.run(work, doc.get("curl-report", http)));
    assertThat(report.at("/submission/id").asLong()).isEqualTo(2);
    assertThat(report.at("/submission/authenticated").asText()).isEqualTo("smime");
    assertThat(report.get("accepted_names"))
        .extracting(JsonNode::asText)
        .containsExactly("malware-c2.example", "phish.example", "xn--bcher-bse-67a3d.example");
    assertThat(report.get("rejected_lines"))
        .extracting(l -> l.get("reason").asText())
        .containsExactly("url", "ip-address", "public-suffix", "top-sites");
  }

  /** rpzx with S/MIME signatures checked against {@code anchors}; transfers from loopback. */
  private RpzxService start(Path anchors) throws Exception {
    Path config = dir.resolve("rpzx.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "data-dir: " + dir.resolve("data"),
            "smtp:",
            "  listen: 127.0.0.1:0",
            "  community-addresses: [" + COMMUNITY + "]",
            "  smime-trust-anchors: " + anchors,
            "api:",
            "  listen: 127.0.0.1:0",
            "dns:",
            "  listen: 127.0.0.1:0",
            "top-sites:",
            "  n: 100",
            ""));
    return RpzxService.start(ConfigLoader.load(config));
  }

  /** A test CA (rpzx's trust anchor) and cert.pem/cert.key for the sender, made by openssl. */
  private static void makeCertificates(Path work) throws Exception {
    DocSnippets.run(
        work,
        String.join(
            "\n",
            "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \\",
            "  -subj '/CN=Community Test CA' -addext basicConstraints=critical,CA:TRUE \\",
            "  -addext keyUsage=critical,keyCertSign,cRLSign",
            "openssl req -newkey rsa:2048 -nodes -keyout cert.key -out cert.csr \\",
            "  -subj '/CN=CERT Example University'",
            "cat > ext.cnf <<'EXT'",
            "subjectAltName=email:" + SENDER,
            "extendedKeyUsage=emailProtection",
            "keyUsage=critical,digitalSignature,keyEncipherment",
            "basicConstraints=critical,CA:FALSE",
            "EXT",
            "openssl x509 -req -in cert.csr -CA ca.pem -CAkey ca.key -CAcreateserial \\",
            "  -out cert.pem -days 2 -extfile ext.cnf",
            ""));
  }

  /** How submission {@code id} was authenticated, as the operator sees it. */
  private String authenticated(long id) throws Exception {
    RpzxHarness.CliResult r =
        RpzxHarness.cli(service, "submissions", "show", Long.toString(id), "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out()).at("/submission/authenticated").asText();
  }

  /**
   * Runs {@code rpzx words...}: exactly as given when {@code asGiven} (the words carry {@code
   * --api} and {@code --token-file}), else with the operator's API and token.
   */
  private String runCli(List<String> words, boolean asGiven) {
    if (!asGiven) {
      RpzxHarness.CliResult r = RpzxHarness.cli(service, words.toArray(new String[0]));
      assertThat(r.exitCode()).as("rpzx %s: %s", words, r.err()).isZero();
      return r.out();
    }
    CommandLine cmd = RpzxCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(new ArrayList<>(words).toArray(new String[0]));
    assertThat(code).as("rpzx %s: %s", words, err).isZero();
    return out.toString();
  }

  private static String withoutTime(String text) {
    return text.replaceAll(TIME, "TIME").strip();
  }
}
