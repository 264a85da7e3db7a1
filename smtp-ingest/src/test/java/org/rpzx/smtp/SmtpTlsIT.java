package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rpzx.smtp.SmtpIngestServerIT.COMMUNITY;
import static org.rpzx.smtp.SmtpIngestServerIT.SENDER;
import static org.rpzx.smtp.SmtpIngestServerIT.connect;
import static org.rpzx.smtp.SmtpIngestServerIT.settings;
import static org.rpzx.smtp.SmtpIngestServerIT.submission;
import static org.rpzx.smtp.SmtpIngestServerIT.to;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STARTTLS with a certificate made by openssl, as PEM and as PKCS#12, used by Jakarta Mail (which
 * checks the certificate and the server's identity) and by swaks.
 */
class SmtpTlsIT {

  private static final String PASSWORD = "changeit";
  @TempDir static Path dir;
  private static Path certPem;
  private static Path keyPem;
  private static Path pkcs12;

  private final FakeSubmissionPort port = new FakeSubmissionPort();

  @BeforeAll
  static void makeCertificate() {
    Openssl.run(
        dir,
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "key.pem",
        "-out",
        "cert.pem",
        "-days",
        "2",
        "-subj",
        "/CN=mx.community.example",
        "-addext",
        "subjectAltName=DNS:mx.community.example,IP:127.0.0.1");
    Openssl.run(
        dir,
        "pkcs12",
        "-export",
        "-in",
        "cert.pem",
        "-inkey",
        "key.pem",
        "-out",
        "smtp.p12",
        "-passout",
        "pass:" + PASSWORD);
    certPem = dir.resolve("cert.pem");
    keyPem = dir.resolve("key.pem");
    pkcs12 = dir.resolve("smtp.p12");
  }

  private static SmtpTls pem() throws IOException {
    return SmtpTls.fromPem(certPem, keyPem);
  }

  /** Jakarta Mail with STARTTLS required, trusting only the test certificate, checking identity. */
  private static Properties tlsClient() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(certPem)) {
      trust.setCertificateEntry(
          "smtp", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    Properties p = new Properties();
    p.put("mail.smtp.starttls.enable", "true");
    p.put("mail.smtp.starttls.required", "true");
    p.put("mail.smtp.ssl.socketFactory", ctx.getSocketFactory());
    p.put("mail.smtp.ssl.checkserveridentity", "true");
    return p;
  }

  @Test
  void jakartaMailSubmitsOverStartTlsWithAPemCertificate() throws Exception {
    try (SmtpIngestServer server =
        SmtpIngestServerIT.start(settings().withTls(pem(), false), port)) {
      SMTPTransport t = connect(server.port(), tlsClient());
      try {
        assertThat(t.isSSL()).as("connection upgraded by STARTTLS").isTrue();
        t.sendMessage(submission(SENDER), to(COMMUNITY));
        assertThat(t.getLastServerResponse()).startsWith("250 2.0.0 submission 4701: 2 accepted");
      } finally {
        t.close();
      }
    }
    assertThat(port.requests).hasSize(1);
  }

  @Test
  void aPkcs12KeystoreWorksAlike() throws Exception {
    SmtpTls tls = SmtpTls.fromPkcs12(pkcs12, PASSWORD.toCharArray());
    assertThat(tls.certificate()).isEqualTo(pem().certificate());
    try (SmtpIngestServer server = SmtpIngestServerIT.start(settings().withTls(tls, true), port)) {
      SMTPTransport t = connect(server.port(), tlsClient());
      try {
        assertThat(t.isSSL()).isTrue();
        t.sendMessage(submission(SENDER), to(COMMUNITY));
        assertThat(t.getLastServerResponse()).startsWith("250 2.0.0 submission");
      } finally {
        t.close();
      }
    }
  }

  @Test
  void aTraditionalOpensslKeyFileWorksToo() throws Exception {
    Openssl.run(dir, "ec", "-in", "key.pem", "-out", "sec1.pem");
    assertThat(Files.readString(dir.resolve("sec1.pem"))).contains("BEGIN EC PRIVATE KEY");
    assertThat(SmtpTls.fromPem(certPem, dir.resolve("sec1.pem")).certificate())
        .isEqualTo(pem().certificate());
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateCannotConnect() throws Exception {
    try (SmtpIngestServer server =
        SmtpIngestServerIT.start(settings().withTls(pem(), false), port)) {
      Properties p = new Properties();
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true"); // default trust store: not our test CA
      assertThatThrownBy(() -> connect(server.port(), p))
          .hasStackTraceContaining("PKIX path building failed");
    }
  }

  @Test
  void startTlsIsAdvertisedOnlyWithACertificate() throws Exception {
    try (SmtpIngestServer plain = SmtpIngestServerIT.start(settings(), port);
        RawSmtpClient c = new RawSmtpClient(plain.port())) {
      c.reply();
      assertThat(c.command("EHLO client.example")).doesNotContain("STARTTLS");
      assertThat(c.command("STARTTLS")).startsWith("454");
    }
    try (SmtpIngestServer tls = SmtpIngestServerIT.start(settings().withTls(pem(), false), port);
        RawSmtpClient c = new RawSmtpClient(tls.port())) {
      c.reply();
      assertThat(c.command("EHLO client.example")).contains("250-STARTTLS");
      // not required: plain mail is still taken
      assertThat(c.command("MAIL FROM:<" + SENDER + ">")).startsWith("250");
    }
  }

  @Test
  void requiredTlsRefusesMailBeforeStartTls() throws Exception {
    try (SmtpIngestServer server = SmtpIngestServerIT.start(settings().withTls(pem(), true), port);
        RawSmtpClient c = new RawSmtpClient(server.port())) {
      c.reply();
      assertThat(c.command("EHLO client.example")).contains("250-STARTTLS");
      assertThat(c.command("MAIL FROM:<" + SENDER + ">"))
          .isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
      assertThat(c.command("RCPT TO:<" + COMMUNITY + ">")).startsWith("503");
      assertThat(c.command("NOOP")).startsWith("250");
    }
    assertThat(port.requests).isEmpty();
  }

  @Test
  void swaksSubmitsOverStartTls() throws Exception {
    try (SmtpIngestServer server =
        SmtpIngestServerIT.start(settings().withTls(pem(), true), port)) {
      String out = swaks(server.port(), "--tls");
      assertThat(out).contains("<-  220 Ready to start TLS").contains("TLS started");
      assertThat(out).containsPattern("(?m)^ ?<~  250 2\\.0\\.0 submission 4701: 1 accepted");
      String refused = swaks(server.port());
      assertThat(refused).contains("<** 530 5.7.0 Must issue a STARTTLS command first");
    }
    assertThat(port.requests).hasSize(1);
  }

  private String swaks(int serverPort, String... extra) throws Exception {
    Path body = dir.resolve("domains.txt");
    Files.writeString(body, "tls.example\n");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "/usr/bin/swaks",
                "--server",
                "127.0.0.1",
                "--port",
                Integer.toString(serverPort),
                "--timeout",
                "30",
                "--from",
                SENDER,
                "--to",
                COMMUNITY,
                "--attach-type",
                "text/plain",
                "--attach-name",
                "domains.txt",
                "--attach",
                "@" + body));
    cmd.addAll(List.of(extra));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
