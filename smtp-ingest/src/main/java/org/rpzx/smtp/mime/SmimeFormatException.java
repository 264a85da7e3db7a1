package org.rpzx.smtp.mime;

/**
 * The message is S/MIME in a way that cannot be verified (see {@link Extraction.Kind#SIGNATURE}).
 * The message is rejected as not authorized, with {@link #getMessage()} as the reason.
 */
public final class SmimeFormatException extends MimeFormatException {
  public SmimeFormatException(String message) {
    super(message);
  }
}
