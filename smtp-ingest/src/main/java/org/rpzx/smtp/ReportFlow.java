package org.rpzx.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.rpzx.core.report.ReportBatch;
import org.rpzx.core.report.ReportPort;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.core.submission.SenderCheck;
import org.rpzx.core.submission.SubmissionPort;
import org.rpzx.smtp.mime.AttachmentExtractor;
import org.rpzx.smtp.mime.ExtractedMessage;
import org.rpzx.smtp.mime.Extraction;
import org.rpzx.smtp.smime.SmimeVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message to a report address from its bytes to the SMTP reply: extract, verify an S/MIME
 * signature (as for a submission), authorize the sender as a submitter, then file one report per
 * name line through the {@link ReportPort}. The names are those of attached {@code reports.txt} or
 * {@code domains.txt} files if there are any, else the lines of the text body; the subject is the
 * reason. {@code 250} lists the report numbers (and the lines not filed); a mail that files none
 * gets {@code 550 5.6.0} with why; an unknown sender {@code 550 5.7.1}; a core failure {@code 451}.
 * The reply never says who submitted a name.
 */
final class ReportFlow {

  static final String CHANNEL = "smtp";
  static final String NO_NAMES =
      "no names found: write one name per line in a plain-text body or attach reports.txt";
  private static final Logger LOG = LoggerFactory.getLogger(ReportFlow.class);

  private final SubmissionPort senders;
  private final ReportPort reports;
  private final AttachmentExtractor extractor;
  private final SignatureGate signatures;

  /**
   * @param senders authorizes the sender (as for a submission)
   * @param verifier checks S/MIME signatures; null when no trust anchors are configured
   */
  ReportFlow(
      SubmissionPort senders,
      ReportPort reports,
      AttachmentExtractor extractor,
      SmimeVerifier verifier) {
    this.senders = senders;
    this.reports = reports;
    this.extractor = extractor;
    this.signatures = new SignatureGate(verifier);
  }

  /**
   * Reads {@code message} to its end, then decides.
   *
   * @throws IOException when the stream fails (connection, size limit); nothing was filed
   */
  SmtpReply process(InputStream message) throws IOException {
    Extraction extraction;
    try {
      extraction = extractor.extract(message);
    } catch (RuntimeException e) {
      LOG.error("MIME extraction of a report failed unexpectedly", e);
      message.transferTo(OutputStream.nullOutputStream());
      return SmtpReply.tryLater("internal error while reading the message");
    }
    message.transferTo(OutputStream.nullOutputStream());
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
    return decide(m, method);
  }

  private SmtpReply decide(ExtractedMessage m, AuthMethod method) {
    try {
      SenderCheck check = senders.checkSender(m.from(), method);
      if (check instanceof SenderCheck.Unauthorized u) {
        LOG.info("refused a report from an unauthorized sender");
        LOG.debug("refused report sender {}: {}", m.from(), u.reason());
        return SmtpReply.notAuthorized(u.reason());
      }
      if (!(check instanceof SenderCheck.Authorized who)) {
        throw new IllegalStateException("sender check returned " + check);
      }
      List<String> texts =
          m.files().isEmpty()
              ? (m.bodyText() == null ? List.of() : List.of(m.bodyText()))
              : m.files().stream().map(DomainsFile::text).toList();
      ReportBatch batch = reports.fileByMail(who.identity(), m.subject(), texts);
      if (batch.isEmpty()) {
        return SmtpReply.badContent(NO_NAMES);
      }
      LOG.info("report mail: {}", batch.summary());
      return batch.filed().isEmpty()
          ? SmtpReply.badContent(batch.summary())
          : SmtpReply.ok(batch.summary());
    } catch (RuntimeException e) {
      LOG.error("report port failed", e);
      return SmtpReply.tryLater("the report could not be stored");
    }
  }
}
