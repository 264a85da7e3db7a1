package org.rpzx.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.SenderCheck;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionPort;
import org.rpzx.core.submission.SubmissionRequest;
import org.rpzx.smtp.mime.AttachmentExtractor;
import org.rpzx.smtp.mime.ExtractedMessage;
import org.rpzx.smtp.mime.Extraction;
import org.rpzx.smtp.mime.SmimeForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One received message from its bytes to the SMTP reply (SPEC §2): extract, authorize the header
 * {@code From}, require a {@code domains.txt}, submit, and map the outcome. A {@code 250} is only
 * returned after {@link SubmissionPort#submit} said {@code Applied}; anything unexpected from the
 * port is a {@code 451} so the sending MTA retries and nothing is lost.
 *
 * <p>No sockets here: the SMTP handler feeds it the DATA stream.
 */
public final class SubmissionFlow {

  static final String CHANNEL = "smtp";
  private static final Logger LOG = LoggerFactory.getLogger(SubmissionFlow.class);

  private final SubmissionPort port;
  private final AttachmentExtractor extractor;

  public SubmissionFlow(SubmissionPort port, AttachmentExtractor extractor) {
    this.port = port;
    this.extractor = extractor;
  }

  /**
   * Reads {@code message} to its end, then decides.
   *
   * @throws IOException when the stream fails (connection, size limit); nothing was submitted
   */
  public SmtpReply process(InputStream message) throws IOException {
    Extraction extraction;
    try {
      extraction = extractor.extract(message);
    } catch (RuntimeException e) {
      LOG.error("MIME extraction failed unexpectedly", e);
      message.transferTo(OutputStream.nullOutputStream());
      return SmtpReply.tryLater("internal error while reading the message");
    }
    message.transferTo(OutputStream.nullOutputStream()); // all of it arrived within the limit
    if (extraction instanceof Extraction.Rejected r) {
      return r.kind() == Extraction.Kind.SENDER
          ? SmtpReply.notAuthorized("cannot identify the sender: " + r.reason())
          : SmtpReply.badContent(r.reason());
    }
    return decide(((Extraction.Extracted) extraction).message());
  }

  private SmtpReply decide(ExtractedMessage m) {
    if (m.smime() == SmimeForm.PKCS7_MIME) {
      return SmtpReply.badContent(
          "opaque S/MIME (application/pkcs7-mime) is not supported yet;"
              + " send multipart/signed or unsigned mail");
    }
    try {
      SenderCheck check = port.checkSender(m.from(), AuthMethod.FROM_HEADER);
      if (check instanceof SenderCheck.Unauthorized u) {
        LOG.info("refused sender {}: {}", m.from(), u.reason());
        return SmtpReply.notAuthorized(u.reason());
      }
      if (!(check instanceof SenderCheck.Authorized who)) {
        throw new IllegalStateException("sender check returned " + check);
      }
      if (m.files().isEmpty()) {
        return SmtpReply.badContent("no attachment named domains.txt");
      }
      SubmissionOutcome outcome =
          port.submit(new SubmissionRequest(who.identity(), CHANNEL, m.messageId(), m.files()));
      if (outcome instanceof SubmissionOutcome.Applied a) {
        LOG.info("{} from {} ({})", a.report().summary(), m.from(), m.messageId());
        return SmtpReply.ok(a.report().summary());
      }
      if (outcome instanceof SubmissionOutcome.Refused r) {
        return SmtpReply.notAuthorized(r.reason());
      }
      if (outcome instanceof SubmissionOutcome.TemporaryFailure t) {
        return SmtpReply.tryLater(t.reason());
      }
      throw new IllegalStateException("submission port returned " + outcome);
    } catch (RuntimeException e) {
      LOG.error("submission port failed for {} ({})", m.from(), m.messageId(), e);
      return SmtpReply.tryLater("submission could not be stored");
    }
  }
}
