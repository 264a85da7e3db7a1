package org.rpzx.smtp.mime;

import java.util.List;
import java.util.Objects;
import org.rpzx.core.submission.DomainsFile;

/**
 * What a submission mail carries: the header {@code From} address, its {@code Message-ID} (null
 * when absent), every {@code domains.txt} in message order (possibly none) and its S/MIME form.
 */
public record ExtractedMessage(
    String from, String messageId, List<DomainsFile> files, SmimeForm smime) {
  public ExtractedMessage {
    Objects.requireNonNull(from);
    Objects.requireNonNull(smime);
    files = List.copyOf(files);
  }
}
