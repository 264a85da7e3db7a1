package org.rpzx.smtp.mime;

import java.util.List;
import java.util.Objects;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.smtp.smime.SmimeSignature;

/**
 * What a submission mail carries: the header {@code From} address, its {@code Message-ID} (null
 * when absent), every {@code domains.txt} in message order (possibly none; for a signed message,
 * those inside the signed content), its S/MIME form and, when signed, the signature read from it
 * (not yet checked). A report mail ({@link AttachmentExtractor#forReports}) also has every {@code
 * reports.txt} among the files, its decoded {@code Subject} and its first inline {@code text/plain}
 * body; for a submission those two are null.
 */
public record ExtractedMessage(
    String from,
    String messageId,
    List<DomainsFile> files,
    SmimeForm smime,
    SmimeSignature signature,
    String subject,
    String bodyText) {

  /** A submission: no subject or body text. */
  public ExtractedMessage(
      String from,
      String messageId,
      List<DomainsFile> files,
      SmimeForm smime,
      SmimeSignature signature) {
    this(from, messageId, files, smime, signature, null, null);
  }

  public ExtractedMessage {
    Objects.requireNonNull(from);
    Objects.requireNonNull(smime);
    files = List.copyOf(files);
    if ((smime == SmimeForm.NONE) != (signature == null)) {
      throw new IllegalArgumentException("a signature goes with a signed form, and only with one");
    }
  }

  /** An unsigned message. */
  public static ExtractedMessage unsigned(String from, String messageId, List<DomainsFile> files) {
    return new ExtractedMessage(from, messageId, files, SmimeForm.NONE, null);
  }

  public boolean signed() {
    return smime != SmimeForm.NONE;
  }
}
