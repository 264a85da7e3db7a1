package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rpzx.smtp.SmtpIngestServerIT.COMMUNITY;
import static org.rpzx.smtp.SmtpIngestServerIT.SENDER;
import static org.rpzx.smtp.SmtpIngestServerIT.closeQuietly;
import static org.rpzx.smtp.SmtpIngestServerIT.connect;
import static org.rpzx.smtp.SmtpIngestServerIT.settings;
import static org.rpzx.smtp.SmtpIngestServerIT.submission;
import static org.rpzx.smtp.SmtpIngestServerIT.to;
import static org.rpzx.smtp.mime.TestMessages.attachment;
import static org.rpzx.smtp.mime.TestMessages.withParts;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener's protections with real clients: size limit, connection limits, read timeout. */
class SmtpLimitsIT {

  private final FakeSubmissionPort port = new FakeSubmissionPort();
  private SmtpIngestServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = SmtpIngestServerIT.start(settings(), port);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void oversizedMessageGets552AndTheListenerStaysHealthy() throws Exception {
    try (RawSmtpClient c = new RawSmtpClient(server.port())) {
      c.reply();
      c.command("EHLO client.example");
      assertThat(c.command("MAIL FROM:<" + SENDER + ">")).startsWith("250");
      assertThat(c.command("RCPT TO:<" + COMMUNITY + ">")).startsWith("250");
      assertThat(c.command("DATA")).startsWith("354");
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  writeLargeBody(c.output(), 26L * 1024 * 1024); // 26 MiB > 25 MiB
                } catch (IOException expected) {
                  // the server drops the connection before the body ends
                }
              });
      assertThat(c.reply()).isEqualTo("552 5.3.4 message exceeds fixed maximum size");
      assertThat(readUntilClosed(c)).isTrue();
      writer.get(30, TimeUnit.SECONDS);
    }
    assertThat(port.requests).isEmpty();

    SMTPTransport t = connect(server.port(), new Properties());
    try {
      t.sendMessage(submission(SENDER), to(COMMUNITY));
      assertThat(t.getLastServerResponse()).startsWith("250 2.0.0 submission 4701:");
    } finally {
      t.close();
    }
  }

  @Test
  void jakartaMailSendingAnOversizedMessageIsRefused() throws Exception {
    StringBuilder big = new StringBuilder(27_300_000);
    String line = "y".repeat(78) + "\n";
    while (big.length() < 26 * 1024 * 1024 + 1000) {
      big.append(line);
    }
    MimeMessage m = withParts(SENDER, attachment("domains.txt", big.toString(), "utf-8", "8bit"));
    SMTPTransport t = connect(server.port(), new Properties());
    try {
      // Jakarta Mail usually reads the 552; when the drop wins the race it reports the broken pipe
      assertThatThrownBy(() -> t.sendMessage(m, to(COMMUNITY)))
          .isInstanceOf(MessagingException.class)
          .satisfies(
              e -> {
                if (e instanceof SMTPSendFailedException f) {
                  assertThat(f.getReturnCode()).isEqualTo(552);
                  assertThat(f.getMessage()).startsWith("552 5.3.4");
                }
              });
    } finally {
      closeQuietly(t); // QUIT fails when the server dropped the connection
    }
    assertThat(port.requests).isEmpty();
    SMTPTransport next = connect(server.port(), new Properties());
    try {
      next.sendMessage(submission(SENDER), to(COMMUNITY));
      assertThat(next.getLastServerResponse()).startsWith("250 2.0.0 submission 4701:");
    } finally {
      next.close();
    }
  }

  /** A message whose body is {@code bytes} long: a domains.txt of lines, never terminated. */
  private static void writeLargeBody(OutputStream out, long bytes) throws IOException {
    out.write(
        ("From: " + SENDER + "\r\nContent-Type: text/plain; name=domains.txt\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    byte[] line = ("x".repeat(78) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    for (long written = 0; written < bytes; written += line.length) {
      out.write(line);
    }
    out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** True when the server closed the connection (EOF or reset) instead of taking commands. */
  private static boolean readUntilClosed(RawSmtpClient c) {
    try {
      return c.reply() == null;
    } catch (IOException reset) {
      return true;
    }
  }

  @Test
  void declaredSizeOverTheLimitIsRefusedAtMailFrom() throws Exception {
    try (RawSmtpClient c = new RawSmtpClient(server.port())) {
      c.reply();
      c.command("EHLO client.example");
      assertThat(c.command("MAIL FROM:<" + SENDER + "> SIZE=26214401")).startsWith("552 5.3.4");
    }
  }

  @Test
  void connectionsPerSourceAreLimited() throws Exception {
    try (SmtpIngestServer limited =
            SmtpIngestServerIT.start(settings().withConnectionLimits(10, 1), port);
        RawSmtpClient first = new RawSmtpClient(limited.port())) {
      assertThat(first.reply()).startsWith("220"); // its session holds the one slot now
      try (RawSmtpClient second = new RawSmtpClient(limited.port())) {
        assertThat(second.reply()).isEqualTo("421 Too many connections, try again later");
      }
      assertThat(first.command("NOOP")).startsWith("250");
    }
  }

  @Test
  void idleClientIsDroppedAfterTheReadTimeout() throws Exception {
    try (SmtpIngestServer quick =
            SmtpIngestServerIT.start(settings().withReadTimeout(Duration.ofMillis(300)), port);
        RawSmtpClient c = new RawSmtpClient(quick.port())) {
      assertThat(c.reply()).startsWith("220");
      assertThat(c.reply()).startsWith("421");
      assertThat(readUntilClosed(c)).isTrue();
    }
  }

  @Test
  void messagesPerMinuteFromOneSourceAreLimited() throws Exception {
    try (SmtpIngestServer limited =
            SmtpIngestServerIT.start(settings().withMessagesPerMinutePerSource(2), port);
        RawSmtpClient c = new RawSmtpClient(limited.port())) {
      c.reply();
      c.command("EHLO client.example");
      for (int i = 0; i < 2; i++) {
        assertThat(c.command("MAIL FROM:<" + SENDER + ">")).startsWith("250");
        assertThat(c.command("RSET")).startsWith("250");
      }
      assertThat(c.command("MAIL FROM:<" + SENDER + ">"))
          .isEqualTo("450 4.7.1 too many messages from 127.0.0.1, try again in a minute");
      // the refusal ended the transaction: nothing half-open is left behind
      assertThat(c.command("RCPT TO:<" + COMMUNITY + ">")).startsWith("503");
      // a new connection from the same source does not start a fresh bucket
      try (RawSmtpClient again = new RawSmtpClient(limited.port())) {
        again.reply();
        again.command("EHLO client.example");
        assertThat(again.command("MAIL FROM:<" + SENDER + ">")).startsWith("450 4.7.1");
      }
    }
    assertThat(port.requests).isEmpty();
  }
}
