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
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import java.util.Random;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.RawMessageStore;
import org.rpzx.dist.api.Json;

/**
 * SPEC §7, raw messages: with {@code privacy.keep-raw-messages: true} the operator gets a mailed
 * message back byte for byte ({@code GET /api/v1/submissions/{id}/raw}, {@code rpzx submissions
 * raw}); an institution's token does not; by default nothing is kept: 404 and no rows.
 */
class RawMessageIT extends ServiceTestBase {

  private static final String INSTITUTION = "Example University";

  private RpzxHarness.CliResult cli(String... args) {
    return RpzxHarness.cli(service, args);
  }

  private void register() {
    assertThat(cli("institution", "add", INSTITUTION).exitCode()).isZero();
    assertThat(cli("sender", "add", SENDER, "--institution", INSTITUTION).exitCode()).isZero();
  }

  /** A message with a binary attachment, as Jakarta Mail writes it. */
  private static MimeMessage message(Session session) throws Exception {
    MimeMessage msg = new MimeMessage(session);
    msg.setFrom(new InternetAddress(SENDER));
    msg.setRecipient(Message.RecipientType.TO, new InternetAddress(COMMUNITY));
    msg.setSubject("Sperrliste für heute");
    MimeBodyPart body = new MimeBodyPart();
    body.setText("Grüße\n.\n..leading dots survive dot-stuffing\n", "UTF-8");
    byte[] pcap = new byte[200_000];
    new Random(3).nextBytes(pcap);
    MimeBodyPart evidence = new MimeBodyPart();
    evidence.setDataHandler(new DataHandler(new ByteArrayDataSource(pcap, "application/pcap")));
    evidence.setFileName("evidence.pcap");
    MimeBodyPart attachment = new MimeBodyPart();
    attachment.setDataHandler(
        new DataHandler(
            new ByteArrayDataSource(
                // CRLF: SMTP sends lines with CRLF, so this is also what goes on the wire
                "raw-kept.example\r\n".getBytes(StandardCharsets.UTF_8), "text/plain")));
    attachment.setFileName("domains.txt");
    MimeMultipart mp = new MimeMultipart();
    mp.addBodyPart(body);
    mp.addBodyPart(evidence);
    mp.addBodyPart(attachment);
    msg.setContent(mp);
    msg.saveChanges();
    return msg;
  }

  private record Sent(byte[] bytes, long submission) {}

  /** Sends the message; the bytes are what Jakarta Mail put on the wire (before dot-stuffing). */
  private Sent send() throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(service.smtpPort()));
    Session session = Session.getInstance(props);
    MimeMessage msg = message(session);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    msg.writeTo(out);
    try (Transport t = session.getTransport("smtp")) {
      t.connect();
      t.sendMessage(msg, msg.getAllRecipients());
      String reply = ((SMTPTransport) t).getLastServerResponse().strip();
      assertThat(reply).startsWith("250 2.0.0 submission ");
      return new Sent(
          out.toByteArray(),
          Long.parseLong(reply.replaceAll("^250 2\\.0\\.0 submission (\\d+):.*$", "$1")));
    }
  }

  private HttpResponse<byte[]> raw(long id, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + service.apiAddress().getPort()
                            + "/api/v1/submissions/"
                            + id
                            + "/raw"))
                .header("Authorization", "Token " + token)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private String operatorToken() throws Exception {
    return Files.readString(service.dataDir().resolve("operator.token")).strip();
  }

  @Test
  void theOperatorGetsTheMessageBackByteForByte() throws Exception {
    service = startFromConfigFile("privacy:", "  keep-raw-messages: true");
    register();
    Sent sent = send();

    HttpResponse<byte[]> answer = raw(sent.submission(), operatorToken());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("message/rfc822");
    assertThat(answer.body()).isEqualTo(sent.bytes());

    Path file = dir.resolve("kept.eml");
    RpzxHarness.CliResult cli =
        cli("submissions", "raw", String.valueOf(sent.submission()), "--output", file.toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(Files.readAllBytes(file)).isEqualTo(sent.bytes());
    RpzxHarness.CliResult json =
        cli("submissions", "raw", String.valueOf(sent.submission()), "--json");
    JsonNode j = Json.MAPPER.readTree(json.out());
    assertThat(j.get("size").asInt()).isEqualTo(sent.bytes().length);
    assertThat(Base64.getDecoder().decode(j.get("message_base64").asText()))
        .isEqualTo(sent.bytes());

    RpzxHarness.CliResult token =
        cli("token", "create", "--institution", INSTITUTION, "--scope", "read", "--json");
    String own = Json.MAPPER.readTree(token.out()).get("token").asText();
    assertThat(raw(sent.submission(), own).statusCode())
        .as("not even the sending institution's token: operator only")
        .isEqualTo(403);
  }

  @Test
  void byDefaultNothingIsKept() throws Exception {
    service = startFromConfigFile();
    register();
    Sent sent = send();

    assertThat(raw(sent.submission(), operatorToken()).statusCode()).isEqualTo(404);
    RpzxHarness.CliResult cli = cli("submissions", "raw", String.valueOf(sent.submission()));
    assertThat(cli.exitCode()).isEqualTo(5);
    assertThat(cli.err()).contains("no raw message for submission " + sent.submission());
    service.close();
    service = null;
    try (Database db = Database.open(dir.resolve("data").resolve("rpzx.db"))) {
      long rows = db.read(RawMessageStore::count);
      assertThat(rows).isZero();
    }
  }
}
