package org.rpzx.smtp.mime;

import java.util.List;
import java.util.Objects;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.smtp.smime.SmimeSignature;

/**
 * What a submission mail carries: the header {@code From} address, its {@code Message-ID} (null
 * when absent), every {@code domains.txt} in message order (possibly none; for a signed message,
 * those inside the signed content), its S/MIME form and, when signed, the signature read from it
 * (not yet checked).
 */
public record ExtractedMessage(
    String from,
    String messageId,
    List<DomainsFile> files,
    SmimeForm smime,
    SmimeSignature signature) {
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
