package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rpzx.smtp.mime.TestMessages.bytes;
import static org.rpzx.smtp.mime.TestMessages.message;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver with a report address, over a real socket: mail to it files reports, mail to the
 * community address still submits, one transaction is one or the other.
 */
class ReportMailIT {

  static final String COMMUNITY = SmtpIngestServerIT.COMMUNITY;
  static final String REPORTS = "fp@community.example";
  static final String SENDER = "noc@member.example";

  private final FakeSubmissionPort port = new FakeSubmissionPort();
  private final FakeReportPort reports = new FakeReportPort();
  private SmtpIngestServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        new SmtpIngestServer(
            SmtpSettings.of(
                InetAddress.getLoopbackAddress(), 0, "mx.community.example", List.of(COMMUNITY)),
            port,
            SmtpEventListener.NONE,
            new ReportIntake(List.of(REPORTS), reports));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static byte[] report(String body) throws Exception {
    MimeMessage m = message(SENDER, "our web shop");
    m.setText(body, "utf-8");
    m.saveChanges();
    return RawSmtpClient.crlf(bytes(m)); // Jakarta Mail leaves the body's LF line ends
  }

  @Test
  void mailToTheReportAddressFilesReports() throws Exception {
    try (RawSmtpClient c = new RawSmtpClient(server.port())) {
      String reply = c.transaction(SENDER, "FP@Community.Example", report("shop.example\n"));
      assertThat(reply).isEqualTo("250 2.0.0 report #100 filed");
    }
    assertThat(reports.calls).hasSize(1);
    assertThat(port.requests).isEmpty();
    try (RawSmtpClient c = new RawSmtpClient(server.port())) {
      String reply = c.transaction(SENDER, COMMUNITY, bytes(SmtpIngestServerIT.submission(SENDER)));
      assertThat(reply).startsWith("250 2.0.0 submission");
    }
    assertThat(reports.calls).as("a submission is not a report").hasSize(1);
  }

  @Test
  void reportsAndSubmissionsDoNotShareATransaction() throws Exception {
    try (RawSmtpClient c = new RawSmtpClient(server.port())) {
      c.reply();
      c.command("EHLO client.example");
      assertThat(c.command("MAIL FROM:<" + SENDER + ">")).startsWith("250");
      assertThat(c.command("RCPT TO:<" + REPORTS + ">")).startsWith("250");
      assertThat(c.command("RCPT TO:<" + COMMUNITY + ">")).startsWith("452 4.5.3");
      assertThat(c.command("RCPT TO:<nobody@community.example>")).startsWith("550 5.1.1");
      assertThat(c.command("DATA")).startsWith("354");
      c.output().write(RawSmtpClient.dotStuff(report("shop.example\n")));
      c.output().write(".\r\n".getBytes(StandardCharsets.US_ASCII));
      c.output().flush();
      assertThat(c.reply()).isEqualTo("250 2.0.0 report #100 filed");
      c.command("QUIT");
    }
    assertThat(port.requests).isEmpty();
  }

  @Test
  void unknownSendersGet550AndAReportAddressCannotBeACommunityAddress() throws Exception {
    port.onlyAuthorize("other@member.example", "not an authorized sender");
    try (RawSmtpClient c = new RawSmtpClient(server.port())) {
      assertThat(c.transaction(SENDER, REPORTS, report("shop.example\n")))
          .isEqualTo("550 5.7.1 not an authorized sender");
    }
    assertThat(reports.calls).isEmpty();
    assertThatThrownBy(
            () ->
                new SmtpIngestServer(
                    SmtpSettings.of(
                        InetAddress.getLoopbackAddress(),
                        0,
                        "mx.community.example",
                        List.of(COMMUNITY)),
                    port,
                    SmtpEventListener.NONE,
                    new ReportIntake(List.of(COMMUNITY.toUpperCase()), reports)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both a community address and a report address");
  }
}
