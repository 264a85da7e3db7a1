package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.smtp.SmtpIngestServerIT.COMMUNITY;
import static org.rpzx.smtp.SmtpIngestServerIT.SENDER;
import static org.rpzx.smtp.SmtpIngestServerIT.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionReport;

/**
 * Session and DATA deadlines against clients that keep a connection busy without ever finishing: a
 * byte every 200 ms never trips the per-read timeout, the deadline cuts it off. Bounded: each test
 * ends within a few seconds or fails.
 */
class SmtpDeadlinesIT {

  private static final String HOST = "mx.community.example";
  private final FakeSubmissionPort port = new FakeSubmissionPort();

  @Test
  void slowDripClientIsCutOffAtTheSessionDeadline() throws Exception {
    SmtpSettings s =
        settings()
            .withReadTimeout(Duration.ofSeconds(5))
            .withDeadlines(Duration.ofMillis(1500), Duration.ofSeconds(30));
    try (SmtpIngestServer server = SmtpIngestServerIT.start(s, port);
        RawSmtpClient c = new RawSmtpClient(server.port())) {
      long start = System.nanoTime();
      assertThat(c.reply()).startsWith("220");
      CompletableFuture<Void> drip = drip(c, "NOOP\r\n".repeat(100));
      String last = lastReplyBeforeClose(c);
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(last)
          .isEqualTo("421 4.4.2 " + HOST + " session time limit exceeded, closing connection");
      // cut at the deadline, long before the 100 commands (120 s of dripping) were through
      assertThat(elapsedMs).isBetween(1400L, 10_000L);
      drip.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void slowDripMessageIsCutOffAtTheDataDeadline() throws Exception {
    SmtpSettings s =
        settings()
            .withReadTimeout(Duration.ofSeconds(5))
            .withDeadlines(Duration.ofSeconds(60), Duration.ofMillis(1200));
    try (SmtpIngestServer server = SmtpIngestServerIT.start(s, port);
        RawSmtpClient c = new RawSmtpClient(server.port())) {
      c.reply();
      c.command("EHLO client.example");
      assertThat(c.command("MAIL FROM:<" + SENDER + ">")).startsWith("250");
      assertThat(c.command("RCPT TO:<" + COMMUNITY + ">")).startsWith("250");
      assertThat(c.command("DATA")).startsWith("354");
      long start = System.nanoTime();
      CompletableFuture<Void> drip =
          drip(c, "From: " + SENDER + "\r\nContent-Type: text/plain; name=domains.txt\r\n\r\n");
      String last = lastReplyBeforeClose(c);
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(last)
          .isEqualTo(
              "421 4.4.2 " + HOST + " message transfer time limit exceeded, closing connection");
      assertThat(elapsedMs).isBetween(1100L, 10_000L);
      drip.get(10, TimeUnit.SECONDS);
    }
    assertThat(port.requests).isEmpty();
  }

  @Test
  void aDeadlinePassingWhileTheSubmissionIsStoredStillGetsTheTruthfulReply() throws Exception {
    AtomicBoolean stored = new AtomicBoolean();
    port.outcomes =
        r -> {
          sleep(1500); // the store is slow; the session deadline passes meanwhile
          stored.set(true);
          return new SubmissionOutcome.Applied(
              new SubmissionReport(99, 1, 0, 0, java.util.List.of(), false));
        };
    SmtpSettings s = settings().withDeadlines(Duration.ofSeconds(1), Duration.ofSeconds(1));
    try (SmtpIngestServer server = SmtpIngestServerIT.start(s, port);
        RawSmtpClient c = new RawSmtpClient(server.port())) {
      c.reply();
      c.command("EHLO client.example");
      c.command("MAIL FROM:<" + SENDER + ">");
      c.command("RCPT TO:<" + COMMUNITY + ">");
      c.command("DATA");
      c.send(
          "From: "
              + SENDER
              + "\r\nContent-Type: text/plain; name=domains.txt\r\n\r\na.example\r\n.\r\n");
      assertThat(c.reply()).isEqualTo("250 2.0.0 submission 99: 1 accepted, 0 rejected");
      assertThat(readUntilClosed(c)).as("then the connection closes").isTrue();
    }
    assertThat(stored).isTrue();
  }

  @Test
  void clientsWithinTheDeadlinesAreNotDisturbed() throws Exception {
    SmtpSettings s = settings().withDeadlines(Duration.ofSeconds(2), Duration.ofSeconds(1));
    try (SmtpIngestServer server = SmtpIngestServerIT.start(s, port);
        RawSmtpClient c = new RawSmtpClient(server.port())) {
      c.reply();
      c.command("EHLO client.example");
      for (int i = 0; i < 3; i++) {
        c.command("MAIL FROM:<" + SENDER + ">");
        c.command("RCPT TO:<" + COMMUNITY + ">");
        c.command("DATA");
        c.send("From: " + SENDER + "\r\nContent-Type: text/plain; name=domains.txt\r\n\r\n");
        sleep(400); // 1.2 s of DATA in all: each transfer stays within its own deadline
        c.send("a.example\r\n.\r\n");
        assertThat(c.reply()).startsWith("250 2.0.0 submission");
      }
      assertThat(c.command("QUIT")).startsWith("221");
    }
    assertThat(port.requests).hasSize(3);
  }

  /** Writes {@code text} one byte every 200 ms until done or the server closes. */
  private static CompletableFuture<Void> drip(RawSmtpClient c, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return CompletableFuture.runAsync(
        () -> {
          try {
            for (byte b : bytes) {
              c.output().write(b);
              c.output().flush();
              Thread.sleep(200);
            }
          } catch (IOException closed) {
            // the server cut the connection: expected
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  /** Reads replies until the connection closes; returns the last one. */
  private static String lastReplyBeforeClose(RawSmtpClient c) {
    String last = null;
    try {
      String r;
      while ((r = c.reply()) != null) {
        last = r;
      }
    } catch (IOException reset) {
      // closed
    }
    return last;
  }

  private static boolean readUntilClosed(RawSmtpClient c) {
    try {
      return c.reply() == null;
    } catch (IOException reset) {
      return true;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
