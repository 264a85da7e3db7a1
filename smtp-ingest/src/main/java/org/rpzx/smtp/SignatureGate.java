package org.rpzx.smtp;

import org.rpzx.smtp.mime.ExtractedMessage;
import org.rpzx.smtp.smime.SignatureVerdict;
import org.rpzx.smtp.smime.SmimeVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S/MIME check of one extracted message, the same for submissions and reports: a signed message
 * passes only with a valid signature; without trust anchors signed mail is refused (a signature
 * that cannot be checked is never read as unsigned).
 */
final class SignatureGate {

  static final String SIGNATURE_REFUSED = "S/MIME signature not accepted: ";
  static final String SMIME_NOT_CONFIGURED =
      "S/MIME signed mail cannot be verified here (no trust anchors configured);"
          + " send it unsigned or ask the operator";
  private static final Logger LOG = LoggerFactory.getLogger(SignatureGate.class);

  private final SmimeVerifier verifier;

  /**
   * @param verifier checks S/MIME signatures; null when no trust anchors are configured
   */
  SignatureGate(SmimeVerifier verifier) {
    this.verifier = verifier;
  }

  /** Null when {@code m} is signed and the signature holds; otherwise the refusal. */
  SmtpReply refusal(ExtractedMessage m) {
    if (verifier == null) {
      LOG.info("refused S/MIME signed mail: no trust anchors configured");
      return SmtpReply.notAuthorized(SMIME_NOT_CONFIGURED);
    }
    SignatureVerdict verdict;
    try {
      verdict = verifier.verify(m.signature(), m.from());
    } catch (RuntimeException e) {
      LOG.error("S/MIME verification failed unexpectedly", e);
      return SmtpReply.tryLater("internal error while verifying the signature");
    }
    if (verdict instanceof SignatureVerdict.Invalid invalid) {
      LOG.info("refused S/MIME signature: {}", invalid.reason());
      LOG.debug("refused S/MIME signature from {}", m.from());
      return SmtpReply.notAuthorized(SIGNATURE_REFUSED + invalid.reason());
    }
    return null;
  }
}
