package org.rpzx.smtp;

import java.io.IOException;

/** The DATA stream passed the configured message size limit. */
final class MessageTooLargeException extends IOException {
  MessageTooLargeException(long limit) {
    super("message exceeds " + limit + " bytes");
  }
}
