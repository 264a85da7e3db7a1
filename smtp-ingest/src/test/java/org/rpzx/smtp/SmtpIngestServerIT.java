package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rpzx.smtp.mime.TestMessages.attachment;
import static org.rpzx.smtp.mime.TestMessages.withParts;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.core.submission.SubmissionRequest;

/** The receiver on 127.0.0.1 with real SMTP clients: Jakarta Mail and a raw socket. */
class SmtpIngestServerIT {

  static final String COMMUNITY = "rpz@community.example";
  static final String SENDER = "noc@member.example";
  static final String LIST = "bad.example\nworse.example\nnot a name\n";

  private final FakeSubmissionPort port = new FakeSubmissionPort();
  private SmtpIngestServer server;

  @BeforeEach
  void start() throws IOException {
    server = start(settings(), port);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static SmtpSettings settings() throws IOException {
    return SmtpSettings.of(
        InetAddress.getLoopbackAddress(), 0, "mx.community.example", List.of(COMMUNITY));
  }

  static SmtpIngestServer start(SmtpSettings settings, FakeSubmissionPort port) throws IOException {
    SmtpIngestServer s = new SmtpIngestServer(settings, port);
    s.start();
    return s;
  }

  private SMTPTransport connect() throws MessagingException {
    return connect(server.port(), new Properties());
  }

  private SMTPTransport connect(Properties p) throws MessagingException {
    return connect(server.port(), p);
  }

  /** A connected Jakarta Mail SMTP client. */
  static SMTPTransport connect(int serverPort, Properties p) throws MessagingException {
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(serverPort));
    p.put("mail.smtp.connectiontimeout", "5000");
    p.put("mail.smtp.timeout", "30000");
    SMTPTransport t = (SMTPTransport) Session.getInstance(p).getTransport("smtp");
    t.connect();
    return t;
  }

  static MimeMessage submission(String from) throws MessagingException {
    return withParts(from, attachment("domains.txt", LIST, "utf-8", "base64"));
  }

  static Address[] to(String address) throws MessagingException {
    return new Address[] {new InternetAddress(address)};
  }

  @Test
  void boundPortIsReadableAfterStartWithPortZero() {
    assertThat(server.port()).isPositive();
    assertThat(server.settings().port()).isZero();
  }

  @Test
  void startsOnceAndReportsABindFailure() throws Exception {
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    SmtpSettings taken =
        SmtpSettings.of(
            InetAddress.getLoopbackAddress(),
            server.port(),
            "mx.community.example",
            List.of(COMMUNITY));
    try (SmtpIngestServer second = new SmtpIngestServer(taken, port)) {
      assertThatThrownBy(second::port).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(second::start).isInstanceOf(IOException.class);
    }
  }

  @Test
  void ehloAdvertisesTheSizeLimit() throws Exception {
    SMTPTransport t = connect();
    try {
      assertThat(t.supportsExtension("SIZE")).isTrue();
      assertThat(t.getExtensionParameter("SIZE")).isEqualTo("26214400");
    } finally {
      t.close();
    }
  }

  @Test
  void submissionIsAnsweredWith250AndTheCounts() throws Exception {
    MimeMessage m = submission(SENDER);
    SMTPTransport t = connect();
    try {
      t.sendMessage(m, to(COMMUNITY));
      assertThat(t.getLastServerResponse().strip())
          .isEqualTo("250 2.0.0 submission 4701: 2 accepted, 1 rejected");
    } finally {
      t.close();
    }
    assertThat(port.requests).hasSize(1);
    SubmissionRequest r = port.requests.get(0);
    assertThat(r.identity().sender()).isEqualTo(SENDER);
    assertThat(r.channel()).isEqualTo("smtp");
    assertThat(r.messageId()).isEqualTo(m.getMessageID());
    assertThat(r.files()).containsExactly(new DomainsFile("domains.txt", LIST));
  }

  @Test
  void envelopeSenderIsNotTheIdentity() throws Exception {
    Properties p = new Properties();
    p.put("mail.smtp.from", "bounces@elsewhere.example"); // MAIL FROM names someone else
    SMTPTransport t = connect(p);
    try {
      t.sendMessage(submission(SENDER), to(COMMUNITY));
      assertThat(t.getLastServerResponse()).startsWith("250 2.0.0");
    } finally {
      t.close();
    }
    assertThat(port.checkedSenders).containsExactly(SENDER);
  }

  @Test
  void unknownRecipientIsRefusedWith550_511() throws Exception {
    SMTPTransport t = connect();
    try {
      assertThatThrownBy(() -> t.sendMessage(submission(SENDER), to("nobody@community.example")))
          .isInstanceOf(SendFailedException.class)
          .satisfies(
              e -> {
                SMTPAddressFailedException rcpt = find(e, SMTPAddressFailedException.class);
                assertThat(rcpt.getReturnCode()).isEqualTo(550);
                assertThat(rcpt.getMessage().strip())
                    .isEqualTo("550 5.1.1 <nobody@community.example>: no such recipient here");
              });
    } finally {
      t.close();
    }
    assertThat(port.requests).isEmpty();
  }

  @Test
  void communityAddressIsMatchedCaseInsensitively() throws Exception {
    SMTPTransport t = connect();
    try {
      t.sendMessage(submission(SENDER), to("RPZ@Community.Example"));
      assertThat(t.getLastServerResponse()).startsWith("250 2.0.0 submission");
    } finally {
      t.close();
    }
  }

  @Test
  void unauthorizedSenderIsRefusedWith550_571() throws Exception {
    port.onlyAuthorize("other@member.example", "noc@member.example is not an authorized sender");
    SMTPTransport t = connect();
    try {
      assertThatThrownBy(() -> t.sendMessage(submission(SENDER), to(COMMUNITY)))
          .isInstanceOfSatisfying(
              SMTPSendFailedException.class,
              e -> {
                assertThat(e.getReturnCode()).isEqualTo(550);
                assertThat(e.getMessage().strip())
                    .isEqualTo("550 5.7.1 noc@member.example is not an authorized sender");
              });
    } finally {
      t.close();
    }
    assertThat(port.requests).isEmpty();
  }

  @Test
  void portFailureIsTemporary451() throws Exception {
    port.failWith(new IllegalStateException("database unavailable"));
    SMTPTransport t = connect();
    try {
      assertThatThrownBy(() -> t.sendMessage(submission(SENDER), to(COMMUNITY)))
          .isInstanceOfSatisfying(
              SMTPSendFailedException.class,
              e -> {
                assertThat(e.getReturnCode()).isEqualTo(451);
                assertThat(e.getMessage()).startsWith("451 4.3.0 ").contains("try again later");
              });
    } finally {
      t.close();
    }
  }

  @Test
  void aRejectedMessageEndsItsTransactionSoTheConnectionCanBeReused() throws Exception {
    port.onlyAuthorize("other@member.example", "not an authorized sender");
    SMTPTransport t = connect();
    try {
      assertThatThrownBy(() -> t.sendMessage(submission(SENDER), to(COMMUNITY)))
          .isInstanceOf(SMTPSendFailedException.class);
      t.sendMessage(submission("other@member.example"), to(COMMUNITY));
      assertThat(t.getLastServerResponse()).startsWith("250 2.0.0 submission 4701");
    } finally {
      t.close();
    }
  }

  @Test
  void rawDialogueWithoutRsetAfterA550() throws Exception {
    port.onlyAuthorize("other@member.example", "not an authorized sender");
    try (RawSmtpClient c = new RawSmtpClient(server.port())) {
      assertThat(c.reply()).startsWith("220 mx.community.example");
      assertThat(c.command("EHLO client.example")).contains("250-SIZE 26214400");
      for (String from : new String[] {SENDER, "other@member.example"}) {
        assertThat(c.command("MAIL FROM:<" + from + ">")).startsWith("250");
        assertThat(c.command("RCPT TO:<" + COMMUNITY + ">")).startsWith("250");
        assertThat(c.command("DATA")).startsWith("354");
        c.send(
            "From: "
                + from
                + "\r\nContent-Type: text/plain; name=domains.txt\r\n\r\na.example\r\n..dot.example\r\n.\r\n");
        String reply = c.reply();
        if (from.equals(SENDER)) {
          assertThat(reply).isEqualTo("550 5.7.1 not an authorized sender");
        } else {
          assertThat(reply).isEqualTo("250 2.0.0 submission 4701: 1 accepted, 1 rejected");
        }
      }
      assertThat(c.command("QUIT")).startsWith("221");
    }
    // dot-stuffing undone by the server before the MIME walk
    assertThat(port.requests.get(0).files().get(0).text())
        .isEqualTo("a.example\r\n.dot.example\r\n");
  }

  @Test
  void chunkedBdatTransferIsHandledLikeData() throws Exception {
    String first = "From: " + SENDER + "\r\nContent-Type: text/plain; name=domains.txt\r\n\r\n";
    String second = "a.example\r\nb.example\r\n";
    try (RawSmtpClient c = new RawSmtpClient(server.port())) {
      c.reply();
      assertThat(c.command("EHLO client.example")).contains("250-CHUNKING");
      assertThat(c.command("MAIL FROM:<" + SENDER + ">")).startsWith("250");
      assertThat(c.command("RCPT TO:<" + COMMUNITY + ">")).startsWith("250");
      c.send("BDAT " + first.length() + "\r\n" + first);
      assertThat(c.reply()).startsWith("250");
      c.send("BDAT " + second.length() + " LAST\r\n" + second);
      assertThat(c.reply()).isEqualTo("250 2.0.0 submission 4701: 2 accepted, 0 rejected");
    }
    assertThat(port.requests.get(0).files().get(0).text()).isEqualTo(second);
  }

  static void closeQuietly(SMTPTransport t) {
    try {
      t.close();
    } catch (MessagingException e) {
      // already disconnected
    }
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; ) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      Throwable next =
          t instanceof MessagingException me && me.getNextException() != null
              ? me.getNextException()
              : t.getCause();
      t = next == t ? null : next;
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + e);
  }
}
