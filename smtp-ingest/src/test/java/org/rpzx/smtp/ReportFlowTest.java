package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.smtp.mime.TestMessages.attachment;
import static org.rpzx.smtp.mime.TestMessages.bytes;
import static org.rpzx.smtp.mime.TestMessages.message;
import static org.rpzx.smtp.mime.TestMessages.raw;
import static org.rpzx.smtp.mime.TestMessages.textBody;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpzx.smtp.mime.AttachmentExtractor;
import org.rpzx.smtp.mime.Extraction;
import org.rpzx.smtp.mime.MimeLimits;

class ReportFlowTest {

  private static final String SENDER = "noc@member.example";
  private static final MimeLimits LIMITS = MimeLimits.forMessageLimit(1 << 20);

  private final FakeSubmissionPort senders = new FakeSubmissionPort();
  private final FakeReportPort reports = new FakeReportPort();
  private final ReportFlow flow =
      new ReportFlow(senders, reports, AttachmentExtractor.forReports(LIMITS), null);

  private SmtpReply process(byte[] message) throws IOException {
    return flow.process(new ByteArrayInputStream(message));
  }

  private static byte[] plain(String subject, String body) throws Exception {
    MimeMessage m = message(SENDER, subject);
    m.setText(body, "utf-8");
    m.saveChanges();
    return bytes(m);
  }

  @Test
  void theBodyLinesAreTheNamesAndTheSubjectTheReason() throws Exception {
    SmtpReply reply = process(plain("our web shop", "shop.example\nwww.cdn.example\n"));

    assertThat(reply.line()).isEqualTo("250 2.0.0 reports #100 #101 filed");
    FakeReportPort.Call call = reports.calls.get(0);
    assertThat(call.subject()).isEqualTo("our web shop");
    assertThat(call.texts()).containsExactly("shop.example\nwww.cdn.example\n");
    assertThat(call.sender().sender()).isEqualTo(SENDER);
    assertThat(senders.checkedSenders).containsExactly(SENDER);
    assertThat(senders.requests).as("nothing was submitted").isEmpty();
  }

  @Test
  void anEncodedSubjectIsDecoded() throws Exception {
    MimeMessage m = message(SENDER, "unser Webshop für Kunden");
    m.setText("shop.example\n", "utf-8");
    m.saveChanges();
    assertThat(new String(bytes(m), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("=?");
    assertThat(process(bytes(m)).code()).isEqualTo(250);
    assertThat(reports.calls.get(0).subject()).isEqualTo("unser Webshop für Kunden");
  }

  @Test
  void anAttachedReportsTxtWinsOverTheBody() throws Exception {
    MimeMessage m = message(SENDER, "see attached");
    MimeMultipart mp = new MimeMultipart("mixed");
    mp.addBodyPart(textBody("Hello, please delist the attached names. Thanks"));
    mp.addBodyPart(attachment("Reports.TXT", "a.example\n", "utf-8", "base64"));
    mp.addBodyPart(attachment("domains.txt", "b.example\n", "utf-8", null));
    mp.addBodyPart(attachment("other.txt", "c.example\n", "utf-8", null));
    m.setContent(mp);
    m.saveChanges();

    assertThat(process(bytes(m)).line()).isEqualTo("250 2.0.0 reports #100 #101 filed");
    assertThat(reports.calls.get(0).texts()).containsExactly("a.example\n", "b.example\n");
  }

  @Test
  void refusedLinesAreListedAndAMailThatFilesNothingBounces() throws Exception {
    assertThat(process(plain("x", "shop.example\nexample.org\n")).line())
        .isEqualTo("250 2.0.0 report #100 filed; 1 line not filed: example.org is not listed");
    assertThat(process(plain("x", "example.org\n")).line())
        .isEqualTo("550 5.6.0 no report filed; 1 line not filed: example.org is not listed");
    MimeMessage html = message(SENDER, "x");
    html.setContent("<p>shop.example</p>", "text/html; charset=utf-8");
    html.saveChanges();
    assertThat(process(bytes(html)).line()).isEqualTo("550 5.6.0 " + ReportFlow.NO_NAMES);
  }

  @Test
  void unknownSendersAreRefusedAndNothingIsFiled() throws Exception {
    senders.onlyAuthorize("someone@else.example", "not a registered sender");
    assertThat(process(plain("x", "shop.example\n")).line())
        .isEqualTo("550 5.7.1 not a registered sender");
    assertThat(reports.calls).isEmpty();
    assertThat(process(raw("Subject: x\n\nshop.example\n")).line())
        .startsWith("550 5.7.1 cannot identify the sender");
  }

  @Test
  void signedMailWithoutTrustAnchorsIsRefusedAsForSubmissions() throws Exception {
    byte[] signed =
        raw(
            "From: "
                + SENDER
                + "\nSubject: x\nMIME-Version: 1.0\nContent-Type: application/pkcs7-mime;"
                + " smime-type=signed-data; name=smime.p7m\nContent-Transfer-Encoding: base64\n\n"
                + "MIAGCSqGSIb3DQEHAqCAMIACAQExADCABgkqhkiG9w0BBwGggCSABAJoaQAAAAAAADEAAAAAAAA=\n");
    SmtpReply reply = process(signed);
    assertThat(reply.code()).isEqualTo(550);
    assertThat(reply.text()).startsWith("5.7.1");
    assertThat(reports.calls).isEmpty();
  }

  @Test
  void aCoreFailureIsATemporaryFailure() throws Exception {
    reports.failure = new IllegalStateException("store down");
    assertThat(process(plain("x", "shop.example\n")).line())
        .isEqualTo("451 4.3.0 the report could not be stored, try again later");
  }

  @Test
  void theSubmissionExtractorTakesNeitherSubjectNorBody() throws Exception {
    Extraction e =
        new AttachmentExtractor(LIMITS)
            .extract(new ByteArrayInputStream(plain("our shop", "shop.example\n")));
    var m = ((Extraction.Extracted) e).message();
    assertThat(m.subject()).isNull();
    assertThat(m.bodyText()).isNull();
    assertThat(m.files()).isEmpty();
    Extraction r =
        AttachmentExtractor.forReports(LIMITS)
            .extract(new ByteArrayInputStream(plain("our shop", "shop.example\n")));
    assertThat(((Extraction.Extracted) r).message().bodyText()).isEqualTo("shop.example\n");
    assertThat(List.of(((Extraction.Extracted) r).message().subject())).containsExactly("our shop");
  }
}
