package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.smtp.SmtpIngestServerIT.COMMUNITY;
import static org.rpzx.smtp.SmtpIngestServerIT.settings;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.smtp.mime.TestMessages;
import org.rpzx.smtp.smime.TestPki;

/**
 * S/MIME end to end: certificates made with Bouncy Castle, messages signed by openssl ({@code smime
 * -sign}, detached and {@code -nodetach}, and {@code cms -sign}), sent over SMTP by Jakarta Mail, a
 * raw socket client and swaks, received with the CA as trust anchor.
 */
class SmimeIT {

  static final String FROM = "noc@member.example";
  @TempDir static Path dir;
  private static Path anchors;

  private final FakeSubmissionPort port = new FakeSubmissionPort();
  private SmtpIngestServer server;

  /** The signed content: five domains.txt, one per encoding case the issue names. */
  static final String CONTENT =
      """
      Content-Type: multipart/mixed; boundary="outer"

      --outer
      Content-Type: text/plain; charset=utf-8

      Subject and body are ignored.
      --outer
      Content-Type: text/plain
      Content-Disposition: attachment;
       filename*0*=iso-8859-1'en'dom%61;
       filename*1="ins.txt"

      rfc2231.example
      --outer
      Content-Type: text/plain; charset=utf-8; name="domains.txt"
      Content-Transfer-Encoding: base64

      YjY0LmV4YW1wbGUKbcO8bmNoZW4uZXhhbXBsZQo=
      --outer
      Content-Type: text/plain; charset=utf-8
      Content-Disposition: attachment; filename="domains.txt"
      Content-Transfer-Encoding: quoted-printable

      qp-=
      soft.example
      --outer
      Content-Type: text/plain; charset=ISO-8859-1; name=domains.txt
      Content-Transfer-Encoding: 8bit

      b\u00fccher.example
      --outer
      Content-Type: multipart/alternative; boundary="level1"

      --level1
      Content-Type: multipart/mixed; boundary="level2"

      --level2
      Content-Type: text/plain; name=domains.txt

      nested.example
      --level2--
      --level1--
      --outer--
      """;

  static final List<DomainsFile> EXPECTED =
      List.of(
          new DomainsFile("domains.txt", "rfc2231.example"),
          new DomainsFile("domains.txt", "b64.example\nm\u00fcnchen.example\n"),
          new DomainsFile("domains.txt", "qp-soft.example"),
          new DomainsFile("domains.txt", "b\u00fccher.example"),
          new DomainsFile("domains.txt", "nested.example"));

  @BeforeAll
  static void makePki() throws IOException {
    TestPki.Issued ca = TestPki.ca("Community Test CA");
    Files.writeString(dir.resolve("ca.pem"), TestPki.pem(ca.cert()));
    anchors = dir.resolve("ca.pem");
    TestPki.endEntity("NOC").rsa().email(FROM).issue(ca).writePem(pem("signer"), key("signer"));
    TestPki.endEntity("NOC")
        .email(FROM)
        .valid(Instant.now().minus(Duration.ofDays(60)), Instant.now().minus(Duration.ofDays(30)))
        .issue(ca)
        .writePem(pem("expired"), key("expired"));
    TestPki.Issued rogueCa = TestPki.ca("Rogue CA");
    TestPki.endEntity("NOC")
        .email(FROM)
        .issue(rogueCa)
        .writePem(pem("untrusted"), key("untrusted"));
    TestPki.endEntity("Other")
        .email("other@member.example")
        .issue(ca)
        .writePem(pem("other"), key("other"));
    TestPki.endEntity("NOC")
        .email(FROM)
        .eku(KeyPurposeId.id_kp_serverAuth)
        .issue(ca)
        .writePem(pem("serverauth"), key("serverauth"));
    TestPki.Issued intermediate = TestPki.endEntity("Member Intermediate").asCa().issue(ca);
    Files.writeString(pem("intermediate"), TestPki.pem(intermediate.cert()));
    TestPki.endEntity("NOC").email(FROM).issue(intermediate).writePem(pem("leaf"), key("leaf"));
    Files.write(dir.resolve("content.eml"), crlf(CONTENT.getBytes(StandardCharsets.ISO_8859_1)));
  }

  private static Path pem(String name) {
    return dir.resolve(name + ".pem");
  }

  private static Path key(String name) {
    return dir.resolve(name + ".key");
  }

  @BeforeEach
  void start() throws IOException {
    server = SmtpIngestServerIT.start(settings().withSmimeTrustAnchors(anchors), port);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Signs content.eml with {@code openssl <tool> -sign} as {@code who}; returns the message. */
  private static byte[] sign(String tool, String who, String... extra) throws IOException {
    Path out = dir.resolve(tool + "-" + who + "-" + System.nanoTime() + ".eml");
    List<String> args =
        new ArrayList<>(
            List.of(
                tool,
                "-sign",
                "-in",
                "content.eml",
                "-signer",
                pem(who).toString(),
                "-inkey",
                key(who).toString(),
                "-from",
                FROM,
                "-to",
                COMMUNITY,
                "-subject",
                "blocklist",
                "-out",
                out.toString()));
    args.addAll(List.of(extra));
    Openssl.run(dir, args.toArray(new String[0]));
    return crlf(Files.readAllBytes(out)); // as an MTA would carry it
  }

  // --- accepted ------------------------------------------------------------------------------

  @Test
  void detachedSignatureFromOpensslSmimeIsAcceptedOverJakartaMail() throws Exception {
    byte[] signed = sign("smime", "signer");
    assertThat(new String(signed, StandardCharsets.ISO_8859_1))
        .contains("Content-Type: multipart/signed; protocol=\"application/x-pkcs7-signature\"");
    MimeMessage m = new MimeMessage(TestMessages.SESSION, new ByteArrayInputStream(signed));
    SMTPTransport t = SmtpIngestServerIT.connect(server.port(), new Properties());
    try {
      t.sendMessage(m, SmtpIngestServerIT.to(COMMUNITY));
      assertThat(t.getLastServerResponse().strip())
          .isEqualTo("250 2.0.0 submission 4701: 4 accepted, 2 rejected");
    } finally {
      t.close();
    }
    assertAcceptedAsSmime();
  }

  @Test
  void opaqueSignatureFromOpensslSmimeNodetachIsAcceptedOverARawClient() throws Exception {
    byte[] signed = sign("smime", "signer", "-nodetach");
    assertThat(new String(signed, StandardCharsets.ISO_8859_1))
        .contains("application/x-pkcs7-mime; smime-type=signed-data")
        .doesNotContain("rfc2231.example"); // the content is inside the CMS structure
    assertThat(sendRaw(signed)).isEqualTo("250 2.0.0 submission 4701: 4 accepted, 2 rejected");
    assertAcceptedAsSmime();
  }

  @Test
  void detachedSignatureFromOpensslCmsIsAcceptedOverSwaks() throws Exception {
    byte[] signed = sign("cms", "signer");
    Path file = dir.resolve("cms-signed.eml");
    Files.write(file, signed);
    String out = swaks("--data", "@" + file);
    assertThat(out).contains("<-  250 2.0.0 submission 4701: 4 accepted, 2 rejected");
    assertAcceptedAsSmime();
  }

  @Test
  void opaqueSignatureFromOpensslCmsIsAccepted() throws Exception {
    byte[] signed = sign("cms", "signer", "-nodetach");
    assertThat(sendRaw(signed)).startsWith("250 2.0.0 submission 4701: 4 accepted");
    assertAcceptedAsSmime();
  }

  @Test
  void aSignerUnderAnIntermediateCarriedInTheSignatureIsAccepted() throws Exception {
    byte[] signed = sign("smime", "leaf", "-certfile", pem("intermediate").toString());
    assertThat(sendRaw(signed)).startsWith("250 2.0.0 submission 4701");
    // without the intermediate no path leads to the anchor
    byte[] bare = sign("smime", "leaf");
    assertThat(sendRaw(bare))
        .startsWith("550 5.7.1 S/MIME signature not accepted: the signer's certificate")
        .contains("does not chain to a trusted CA");
  }

  private void assertAcceptedAsSmime() {
    assertThat(port.checkedSenders).containsExactly(FROM);
    assertThat(port.checkedMethods).containsExactly(AuthMethod.SMIME);
    assertThat(port.requests).hasSize(1);
    assertThat(port.requests.get(0).identity().method()).isEqualTo(AuthMethod.SMIME);
    assertThat(port.requests.get(0).files()).containsExactlyElementsOf(EXPECTED);
  }

  // --- refused -------------------------------------------------------------------------------

  @Test
  void aTamperedBodyIsRefused() throws Exception {
    String signed = new String(sign("smime", "signer"), StandardCharsets.ISO_8859_1);
    assertThat(signed).contains("nested.example");
    byte[] tampered =
        signed.replace("nested.example", "google.com\r\nx").getBytes(StandardCharsets.ISO_8859_1);
    assertRefused(tampered, "the signed content was changed after signing (digest mismatch)");
    byte[] opaque = sign("smime", "signer", "-nodetach");
    byte[] flipped = flipBase64(opaque);
    assertThat(sendRaw(flipped)).startsWith("550 5.7.1 S/MIME signature not accepted: ");
    assertThat(port.requests).isEmpty();
  }

  @Test
  void anExpiredCertificateIsRefused() throws Exception {
    String reason = refusal(sign("smime", "expired"));
    assertThat(reason).startsWith("the signer's certificate");
    assertThat(reason).containsAnyOf("expired on", "not valid at the signing time");
    assertThat(port.requests).isEmpty();
  }

  @Test
  void aCertificateFromAnUntrustedCaIsRefused() throws Exception {
    assertThat(refusal(sign("smime", "untrusted")))
        .startsWith(
            "the signer's certificate, issued by CN=Rogue CA, does not chain to a trusted CA");
  }

  @Test
  void aCertificateForAnotherAddressIsRefused() throws Exception {
    assertRefused(
        sign("smime", "other"),
        "the signer's certificate is for other@member.example, not for the From address " + FROM);
  }

  @Test
  void aCertificateForServersOnlyIsRefused() throws Exception {
    assertRefused(
        sign("smime", "serverauth"),
        "the signer's certificate is not for e-mail protection (extended key usage: serverAuth)");
  }

  @Test
  void aSha1SignatureIsRefused() throws Exception {
    assertRefused(
        sign("smime", "signer", "-md", "sha1"),
        "the signature uses the digest SHA1, which is not accepted; sign with SHA-256 or stronger");
  }

  @Test
  void signedMailIsRefusedWhenNoTrustAnchorsAreConfigured() throws Exception {
    try (SmtpIngestServer plain = SmtpIngestServerIT.start(settings(), port)) {
      assertThat(sendRaw(plain.port(), sign("smime", "signer")))
          .isEqualTo(
              "550 5.7.1 S/MIME signed mail cannot be verified here (no trust anchors configured);"
                  + " send it unsigned or ask the operator");
      // the same content unsigned is taken, identified by its From header
      byte[] unsigned =
          crlf(
              ("From: " + FROM + "\nTo: " + COMMUNITY + "\nMIME-Version: 1.0\n" + CONTENT)
                  .getBytes(StandardCharsets.ISO_8859_1));
      assertThat(sendRaw(plain.port(), unsigned))
          .startsWith("250 2.0.0 submission 4701: 4 accepted");
    }
    assertThat(port.checkedMethods).containsExactly(AuthMethod.FROM_HEADER);
    assertThat(port.requests.get(0).files()).containsExactlyElementsOf(EXPECTED);
  }

  private void assertRefused(byte[] message, String reason) throws IOException {
    assertThat(refusal(message)).isEqualTo(reason);
  }

  /** Sends {@code message}, expects {@code 550 5.7.1}, returns the reason after the prefix. */
  private String refusal(byte[] message) throws IOException {
    String reply = sendRaw(message);
    String prefix = "550 5.7.1 S/MIME signature not accepted: ";
    assertThat(reply).startsWith(prefix);
    assertThat(port.checkedSenders).as("never downgraded to a From check").isEmpty();
    assertThat(port.requests).isEmpty();
    return reply.substring(prefix.length());
  }

  // --- clients -------------------------------------------------------------------------------

  private String sendRaw(byte[] message) throws IOException {
    return sendRaw(server.port(), message);
  }

  /** One transaction with a raw client; returns the reply to the end of DATA. */
  static String sendRaw(int serverPort, byte[] message) throws IOException {
    try (RawSmtpClient c = new RawSmtpClient(serverPort)) {
      return c.transaction(FROM, COMMUNITY, message);
    }
  }

  private String swaks(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "/usr/bin/swaks",
                "--server",
                "127.0.0.1",
                "--port",
                Integer.toString(server.port()),
                "--timeout",
                "30",
                "--from",
                FROM,
                "--to",
                COMMUNITY));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  static byte[] crlf(byte[] in) {
    return RawSmtpClient.crlf(in);
  }

  /** Changes one base64 character in the middle of the opaque body. */
  private static byte[] flipBase64(byte[] message) {
    String s = new String(message, StandardCharsets.ISO_8859_1);
    int body = s.indexOf("\r\n\r\n") + 4;
    int at = body + (s.length() - body) / 3;
    while (!Character.isLetter(s.charAt(at))) {
      at++;
    }
    char c = s.charAt(at);
    char swapped = c == 'A' ? 'B' : 'A';
    return (s.substring(0, at) + swapped + s.substring(at + 1))
        .getBytes(StandardCharsets.ISO_8859_1);
  }
}
