package org.rpzx.core.submission;

import java.util.List;
import java.util.Objects;

/**
 * A submission as an edge hands it to core: who, over which channel, an optional message id (for
 * de-duplication of re-delivered mail), the attached files in message order, and the message as
 * received when the port {@linkplain SubmissionPort#keepsRawMessages() keeps raw messages} (else
 * null).
 */
public record SubmissionRequest(
    SenderIdentity identity,
    String channel,
    String messageId,
    List<DomainsFile> files,
    RawMessage rawMessage) {
  public SubmissionRequest {
    Objects.requireNonNull(identity);
    Objects.requireNonNull(channel);
    files = List.copyOf(files);
  }

  /** Without the raw message. */
  public SubmissionRequest(
      SenderIdentity identity, String channel, String messageId, List<DomainsFile> files) {
    this(identity, channel, messageId, files, null);
  }
}
