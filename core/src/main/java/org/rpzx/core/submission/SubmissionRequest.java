package org.rpzx.core.submission;

import java.util.List;
import java.util.Objects;

/**
 * A submission as an edge hands it to core: who, over which channel, an optional message id (for
 * de-duplication of re-delivered mail) and the attached files, in message order.
 */
public record SubmissionRequest(
    SenderIdentity identity, String channel, String messageId, List<DomainsFile> files) {
  public SubmissionRequest {
    Objects.requireNonNull(identity);
    Objects.requireNonNull(channel);
    files = List.copyOf(files);
  }
}
