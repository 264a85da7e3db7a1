package org.rpzx.smtp.mime;

import java.util.Objects;

/** The result of {@link AttachmentExtractor#extract}: a message, or why it cannot be used. */
public sealed interface Extraction {

  /** The message could be read; it may still carry no {@code domains.txt}. */
  record Extracted(ExtractedMessage message) implements Extraction {
    public Extracted {
      Objects.requireNonNull(message);
    }
  }

  /** The message cannot be used; {@code reason} is written for the sender. */
  record Rejected(Kind kind, String reason) implements Extraction {
    public Rejected {
      Objects.requireNonNull(kind);
      Objects.requireNonNull(reason);
    }
  }

  /** Why a message was rejected. */
  enum Kind {
    /** The header {@code From} does not name exactly one address: no one to authorize. */
    SENDER,
    /** The MIME structure or a {@code domains.txt} part cannot be decoded. */
    MALFORMED,
    /**
     * The message is signed (or otherwise S/MIME) in a way whose signature cannot be checked: the
     * signature is unreadable, missing, of another kind, encrypted, or not over the whole message.
     */
    SIGNATURE
  }
}
