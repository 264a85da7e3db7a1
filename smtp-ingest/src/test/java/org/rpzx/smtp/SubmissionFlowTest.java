package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.smtp.mime.TestMessages.attachment;
import static org.rpzx.smtp.mime.TestMessages.bytes;
import static org.rpzx.smtp.mime.TestMessages.raw;
import static org.rpzx.smtp.mime.TestMessages.withParts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionReport;
import org.rpzx.core.submission.SubmissionRequest;
import org.rpzx.smtp.mime.AttachmentExtractor;
import org.rpzx.smtp.mime.MimeLimits;
import org.rpzx.smtp.smime.SmimeVerifier;
import org.rpzx.smtp.smime.TestPki;
import org.rpzx.smtp.smime.TestSigner;

class SubmissionFlowTest {

  private static final String SENDER = "noc@member.example";

  private final FakeSubmissionPort port = new FakeSubmissionPort();
  private final SubmissionFlow flow =
      new SubmissionFlow(port, new AttachmentExtractor(MimeLimits.forMessageLimit(1 << 20)));

  private SmtpReply process(byte[] message) throws IOException {
    return flow.process(new ByteArrayInputStream(message));
  }

  private static byte[] goodMessage() throws Exception {
    return bytes(
        withParts(
            SENDER,
            attachment("domains.txt", "a.example\nb.example\nnot a name\n", "utf-8", null)));
  }

  @Test
  void appliedSubmissionGets250WithItsSummary() throws Exception {
    byte[] msg = goodMessage();
    SmtpReply reply = process(msg);
    assertThat(reply.line()).isEqualTo("250 2.0.0 submission 4701: 2 accepted, 1 rejected");
    assertThat(port.checkedSenders).containsExactly(SENDER);
    assertThat(port.checkedMethods).containsExactly(AuthMethod.FROM_HEADER);
    SubmissionRequest r = port.requests.get(0);
    assertThat(r.channel()).isEqualTo("smtp");
    assertThat(r.identity().sender()).isEqualTo(SENDER);
    assertThat(r.messageId()).startsWith("<").endsWith(">");
    assertThat(r.files())
        .containsExactly(new DomainsFile("domains.txt", "a.example\nb.example\nnot a name\n"));
  }

  @Test
  void unauthorizedSenderGets550_571AndNothingIsSubmitted() throws Exception {
    port.onlyAuthorize("someone@else.example", "noc@member.example is not an authorized sender");
    assertThat(process(goodMessage()).line())
        .isEqualTo("550 5.7.1 noc@member.example is not an authorized sender");
    assertThat(port.requests).isEmpty();
  }

  @Test
  void missingDomainsTxtGets550_560AfterTheSenderCheck() throws Exception {
    byte[] msg = bytes(withParts(SENDER, attachment("list.txt", "a.example", "utf-8", null)));
    assertThat(process(msg).line()).isEqualTo("550 5.6.0 no attachment named domains.txt");
    assertThat(port.checkedSenders).containsExactly(SENDER);
    assertThat(port.requests).isEmpty();
  }

  @Test
  void unauthorizedSenderWithoutDomainsTxtHearsAboutAuthorizationFirst() throws Exception {
    port.onlyAuthorize("someone@else.example", "not authorized");
    byte[] msg = bytes(withParts(SENDER, attachment("list.txt", "a.example", "utf-8", null)));
    assertThat(process(msg).code()).isEqualTo(550);
    assertThat(process(msg).text()).startsWith("5.7.1");
  }

  @Test
  void fromProblemsAre550_571() throws Exception {
    SmtpReply reply = process(raw("Subject: x\n\nbody\n"));
    assertThat(reply.line())
        .isEqualTo("550 5.7.1 cannot identify the sender: the message has no From header");
    assertThat(port.checkedSenders).isEmpty();
  }

  @Test
  void malformedMimeIs550_560() throws Exception {
    SmtpReply reply = process(raw("From: " + SENDER + "\nContent-Type: multipart/mixed\n\nx\n"));
    assertThat(reply.code()).isEqualTo(550);
    assertThat(reply.text()).startsWith("5.6.0 ").contains("without a boundary");
  }

  @Test
  void refusedByCoreIs550() throws Exception {
    port.answer(new SubmissionOutcome.Refused("institution suspended"));
    assertThat(process(goodMessage()).line()).isEqualTo("550 5.7.1 institution suspended");
  }

  @Test
  void temporaryFailureIs451() throws Exception {
    port.answer(new SubmissionOutcome.TemporaryFailure("database is locked"));
    assertThat(process(goodMessage()).line())
        .isEqualTo("451 4.3.0 database is locked, try again later");
  }

  @Test
  void anExceptionFromThePortIs451() throws Exception {
    port.failWith(new IllegalStateException("disk full"));
    assertThat(process(goodMessage()).line())
        .isEqualTo("451 4.3.0 submission could not be stored, try again later");
    port.senders =
        a -> {
          throw new IllegalStateException("store closed");
        };
    assertThat(process(goodMessage()).code()).isEqualTo(451);
  }

  @Test
  void duplicateIsStill250WithTheEarlierSubmission() throws Exception {
    port.answer(new SubmissionOutcome.Applied(new SubmissionReport(42, 5, 0, 0, List.of(), true)));
    assertThat(process(goodMessage()).line())
        .isEqualTo("250 2.0.0 submission 42: 5 accepted, 0 rejected");
  }

  @Test
  void anUnreadableOpaqueSignatureIsRefusedNotTakenForUnsignedMail() throws Exception {
    byte[] msg =
        raw(
            "From: "
                + SENDER
                + "\nContent-Type: application/pkcs7-mime; smime-type=signed-data\n"
                + "Content-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\n");
    assertThat(process(msg).line())
        .startsWith(
            "550 5.7.1 S/MIME signature not accepted: the S/MIME signed message cannot be read");
    assertThat(port.checkedSenders).isEmpty();
    assertThat(port.requests).isEmpty();
  }

  @Test
  void replyTextCannotBreakTheReplyLine() throws Exception {
    port.answer(new SubmissionOutcome.Refused("bad\r\n250 fake\u00e9 " + "x".repeat(600)));
    SmtpReply reply = process(goodMessage());
    assertThat(reply.line())
        .doesNotContain("\r")
        .doesNotContain("\n")
        .startsWith("550 5.7.1 bad  250 fake? x");
    assertThat(reply.line().length()).isLessThanOrEqualTo(4 + SmtpReply.MAX_TEXT);
  }

  @Test
  void readsTheMessageToItsEndInEveryCase() throws Exception {
    port.answer(new SubmissionOutcome.Refused("no"));
    InputStream in = new ByteArrayInputStream(goodMessage());
    flow.process(in);
    assertThat(in.read()).isEqualTo(-1);
  }

  // --- S/MIME ---------------------------------------------------------------------------------

  private static final TestPki.Issued CA = TestPki.ca("Community Test CA");
  private static final TestPki.Issued SIGNER = TestPki.endEntity("NOC").email(SENDER).issue(CA);

  private SubmissionFlow withAnchors() {
    return new SubmissionFlow(
        port,
        new AttachmentExtractor(MimeLimits.forMessageLimit(1 << 20)),
        new SmimeVerifier(List.of(CA.cert()), Clock.systemUTC()));
  }

  @Test
  void aValidSignatureAuthorizesAsSmime() throws Exception {
    byte[] msg = TestSigner.by(SIGNER).detached(SENDER, TestSigner.content("a.example"));
    SmtpReply reply = withAnchors().process(new ByteArrayInputStream(msg));
    assertThat(reply.line()).isEqualTo("250 2.0.0 submission 4701: 1 accepted, 0 rejected");
    assertThat(port.checkedMethods).containsExactly(AuthMethod.SMIME);
    assertThat(port.requests.get(0).identity().method()).isEqualTo(AuthMethod.SMIME);
  }

  @Test
  void anInvalidSignatureIsRefusedWithoutAskingCore() throws Exception {
    TestPki.Issued other = TestPki.endEntity("X").email("x@member.example").issue(CA);
    byte[] msg = TestSigner.by(other).opaque(SENDER, TestSigner.content("a.example"));
    SmtpReply reply = withAnchors().process(new ByteArrayInputStream(msg));
    assertThat(reply.line())
        .isEqualTo(
            "550 5.7.1 S/MIME signature not accepted: the signer's certificate is for"
                + " x@member.example, not for the From address noc@member.example");
    assertThat(port.checkedSenders).isEmpty();
    assertThat(port.requests).isEmpty();
  }

  @Test
  void signedMailWithoutTrustAnchorsIsRefused() throws Exception {
    byte[] msg = TestSigner.by(SIGNER).detached(SENDER, TestSigner.content("a.example"));
    assertThat(process(msg).line()).isEqualTo("550 5.7.1 " + SignatureGate.SMIME_NOT_CONFIGURED);
    assertThat(port.checkedSenders).isEmpty();
  }

  @Test
  void aSignedMessageWithoutDomainsTxtIsRefusedAfterAuthorization() throws Exception {
    String content = "Content-Type: text/plain\r\n\r\njust text\r\n";
    byte[] msg = TestSigner.by(SIGNER).detached(SENDER, content);
    assertThat(withAnchors().process(new ByteArrayInputStream(msg)).line())
        .isEqualTo("550 5.6.0 no attachment named domains.txt");
    assertThat(port.checkedMethods).containsExactly(AuthMethod.SMIME);
  }
}
