package org.rpzx.core.submission;

import java.util.Objects;

/** An authenticated submitter: which institution, which address, proven how. */
public record SenderIdentity(
    long institutionId, String institution, String sender, AuthMethod method) {
  public SenderIdentity {
    Objects.requireNonNull(institution);
    Objects.requireNonNull(sender);
    Objects.requireNonNull(method);
  }
}
