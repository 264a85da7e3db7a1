package org.rpzx.smtp.mime;

import java.io.IOException;

/**
 * The message's MIME structure is unusable (too deep, header section too large, unknown charset,
 * broken transfer encoding, ...). The message is rejected with {@link #getMessage()} as the reason,
 * so the text is written for the sender.
 *
 * <p>It extends {@link IOException} only so it can travel through {@link java.io.InputStream} code;
 * callers tell it apart from transport failures by its type.
 */
public class MimeFormatException extends IOException {
  public MimeFormatException(String message) {
    super(message);
  }
}
