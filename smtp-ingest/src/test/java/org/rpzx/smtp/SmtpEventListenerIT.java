package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.smtp.SmtpIngestServerIT.COMMUNITY;
import static org.rpzx.smtp.SmtpIngestServerIT.SENDER;
import static org.rpzx.smtp.SmtpIngestServerIT.settings;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The {@link SmtpEventListener} hears every admitted session and each deciding reply, as a raw
 * client sees them: 250 and 550 to the end of DATA, 550 to RCPT, 421 to a connection over the
 * per-source limit.
 */
class SmtpEventListenerIT {

  private final FakeSubmissionPort port =
      new FakeSubmissionPort().onlyAuthorize(SENDER, "not an authorized sender");
  private final AtomicInteger sessions = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final List<Integer> replies = new CopyOnWriteArrayList<>();

  private final SmtpEventListener recorder =
      new SmtpEventListener() {
        @Override
        public void sessionOpened() {
          sessions.incrementAndGet();
        }

        @Override
        public void sessionClosed() {
          closed.incrementAndGet();
        }

        @Override
        public void reply(int code) {
          replies.add(code);
        }
      };

  private static byte[] message(String from) {
    return ("From: "
            + from
            + "\r\nTo: "
            + COMMUNITY
            + "\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; name=domains.txt\r\n"
            + "Content-Disposition: attachment; filename=domains.txt\r\n\r\n"
            + "bad.example\r\nnot a name\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void sessionsAndDecidingRepliesAreReported() throws Exception {
    try (SmtpIngestServer server =
        new SmtpIngestServer(settings().withConnectionLimits(10, 1), port, recorder)) {
      server.start();
      try (RawSmtpClient c = new RawSmtpClient(server.port())) {
        assertThat(c.transaction(SENDER, COMMUNITY, message(SENDER))).startsWith("250 2.0.0");
      }
      awaitSlotsFree(1); // one connection per source: the server ends a session after QUIT
      try (RawSmtpClient c = new RawSmtpClient(server.port())) {
        assertThat(c.transaction(SENDER, COMMUNITY, message("intruder@elsewhere.example")))
            .startsWith("550 5.7.1");
      }
      awaitSlotsFree(2);
      try (RawSmtpClient first = new RawSmtpClient(server.port())) {
        first.reply();
        first.command("EHLO client.example");
        assertThat(first.command("MAIL FROM:<" + SENDER + ">")).startsWith("250");
        assertThat(first.command("RCPT TO:<nobody@community.example>")).startsWith("550 5.1.1");
        try (RawSmtpClient second = new RawSmtpClient(server.port())) {
          assertThat(second.reply()).startsWith("421");
        }
      }
    }
    assertThat(sessions.get()).isEqualTo(3);
    assertThat(replies).containsExactly(250, 550, 550, 421);
  }

  private void awaitSlotsFree(int sessionsEnded) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (closed.get() < sessionsEnded) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the server did not end session " + sessionsEnded + " in 10 s");
      }
      Thread.sleep(5);
    }
  }
}
