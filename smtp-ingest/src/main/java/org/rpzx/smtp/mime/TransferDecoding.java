package org.rpzx.smtp.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.InputStream;
import java.util.Locale;

/** Undoes a part's {@code Content-Transfer-Encoding} (RFC 2045 §6) while streaming. */
final class TransferDecoding {
  private TransferDecoding() {}

  static InputStream decode(InputStream raw, String contentTransferEncoding)
      throws MimeFormatException {
    String enc = normalise(contentTransferEncoding);
    switch (enc) {
      case "7bit", "8bit", "binary" -> {
        return raw;
      }
      case "base64", "quoted-printable", "uuencode", "x-uuencode", "x-uue" -> {
        try {
          return MimeUtility.decode(raw, enc);
        } catch (MessagingException e) {
          throw new MimeFormatException("cannot decode Content-Transfer-Encoding " + enc);
        }
      }
      default ->
          throw new MimeFormatException(
              "unsupported Content-Transfer-Encoding \"" + contentTransferEncoding + "\"");
    }
  }

  /** Lower case, comments and surrounding white space removed; absent means 7bit. */
  static String normalise(String value) {
    if (value == null) {
      return "7bit";
    }
    String v = value.replaceAll("\\([^)]*\\)", "").strip().toLowerCase(Locale.ROOT);
    return v.isEmpty() ? "7bit" : v;
  }
}
