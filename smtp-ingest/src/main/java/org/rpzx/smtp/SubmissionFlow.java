package org.rpzx.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.RawMessage;
import org.rpzx.core.submission.SenderCheck;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionPort;
import org.rpzx.core.submission.SubmissionRequest;
import org.rpzx.smtp.mime.AttachmentExtractor;
import org.rpzx.smtp.mime.ExtractedMessage;
import org.rpzx.smtp.mime.Extraction;
import org.rpzx.smtp.smime.SmimeVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One received message from its bytes to the SMTP reply (SPEC §2): extract, verify an S/MIME
 * signature, authorize the sender, require a {@code domains.txt}, submit, and map the outcome. A
 * {@code 250} is only returned after {@link SubmissionPort#submit} said {@code Applied}; anything
 * unexpected from the port is a {@code 451} so the sending MTA retries and nothing is lost.
 *
 * <p>Signed mail is authorized as {@link AuthMethod#SMIME} only with a valid signature by the
 * {@code From} address; any other signature is refused with {@code 550 5.7.1} and its reason, never
 * treated as unsigned. Without a verifier (no trust anchors configured) signed mail is refused too:
 * a signature that cannot be checked is not a valid one, and quietly ignoring it would hide the
 * missing configuration. Unsigned mail is authorized as {@link AuthMethod#FROM_HEADER}; whether
 * that is enough (S/MIME required) is core's decision.
 *
 * <p>No sockets here: the SMTP handler feeds it the DATA stream.
 */
public final class SubmissionFlow {

  static final String CHANNEL = "smtp";
  private static final Logger LOG = LoggerFactory.getLogger(SubmissionFlow.class);

  private final SubmissionPort port;
  private final AttachmentExtractor extractor;
  private final SignatureGate signatures;

  /** A flow without S/MIME trust anchors: signed mail is refused. */
  public SubmissionFlow(SubmissionPort port, AttachmentExtractor extractor) {
    this(port, extractor, null);
  }

  /**
   * @param verifier checks S/MIME signatures; null when no trust anchors are configured
   */
  public SubmissionFlow(
      SubmissionPort port, AttachmentExtractor extractor, SmimeVerifier verifier) {
    this.port = port;
    this.extractor = extractor;
    this.signatures = new SignatureGate(verifier);
  }

  /**
   * Reads {@code received} to its end, then decides.
   *
   * @throws IOException when the stream fails (connection, size limit); nothing was submitted
   */
  public SmtpReply process(InputStream received) throws IOException {
    // SPEC §7: the message as it arrived, only when core keeps raw messages; captured while it
    // streams (compressed), so a 25 MiB message is not held twice
    RawMessage.Capture raw = port.keepsRawMessages() ? RawMessage.capture() : null;
    InputStream message = raw == null ? received : new CopyingInputStream(received, raw);
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
      return switch (r.kind()) {
        case SENDER -> SmtpReply.notAuthorized("cannot identify the sender: " + r.reason());
        case SIGNATURE -> SmtpReply.notAuthorized(SignatureGate.SIGNATURE_REFUSED + r.reason());
        case MALFORMED -> SmtpReply.badContent(r.reason());
      };
    }
    ExtractedMessage m = ((Extraction.Extracted) extraction).message();
    AuthMethod method = AuthMethod.FROM_HEADER;
    if (m.signed()) {
      SmtpReply refusal = signatures.refusal(m);
      if (refusal != null) {
        return refusal;
      }
      method = AuthMethod.SMIME;
    }
    return decide(m, method, raw == null ? null : raw.finish());
  }

  private SmtpReply decide(ExtractedMessage m, AuthMethod method, RawMessage raw) {
    try {
      SenderCheck check = port.checkSender(m.from(), method);
      if (check instanceof SenderCheck.Unauthorized u) {
        LOG.info("refused an unauthorized sender");
        LOG.debug("refused sender {}: {}", m.from(), u.reason());
        return SmtpReply.notAuthorized(u.reason());
      }
      if (!(check instanceof SenderCheck.Authorized who)) {
        throw new IllegalStateException("sender check returned " + check);
      }
      if (m.files().isEmpty()) {
        return SmtpReply.badContent("no attachment named domains.txt");
      }
      SubmissionOutcome outcome =
          port.submit(
              new SubmissionRequest(who.identity(), CHANNEL, m.messageId(), m.files(), raw));
      if (outcome instanceof SubmissionOutcome.Applied a) {
        // SPEC §7: who submitted is not logged at the default level
        LOG.info("{}", a.report().summary());
        LOG.debug("submission {} from {} ({})", a.report().id(), m.from(), m.messageId());
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
      LOG.error("submission port failed", e);
      return SmtpReply.tryLater("submission could not be stored");
    }
  }
}
