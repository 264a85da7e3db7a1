package org.rpzx.smtp.mime;

import java.util.Locale;

/** How the message as a whole is signed with S/MIME (RFC 8551), judged by its top-level type. */
public enum SmimeForm {
  /** Not S/MIME at the top level. */
  NONE,
  /** {@code multipart/signed}: readable content plus a detached signature. */
  MULTIPART_SIGNED,
  /**
   * {@code application/pkcs7-mime; smime-type=signed-data}: the content sits inside the CMS
   * structure and is walked while it is unwrapped.
   */
  PKCS7_MIME;

  static SmimeForm of(MediaType top) {
    return switch (top.baseType()) {
      case "multipart/signed" -> MULTIPART_SIGNED;
      case "application/pkcs7-mime", "application/x-pkcs7-mime" -> PKCS7_MIME;
      default -> NONE;
    };
  }

  /** Whether {@code type} is one of the S/MIME media types (RFC 8551 §3.2). */
  static boolean isSmimeType(MediaType type) {
    return switch (type.baseType()) {
      case "application/pkcs7-mime",
          "application/x-pkcs7-mime",
          "application/pkcs7-signature",
          "application/x-pkcs7-signature" ->
          true;
      default -> false;
    };
  }

  /** Whether a {@code multipart/signed} protocol parameter names an S/MIME signature. */
  static boolean isSmimeProtocol(String protocol) {
    if (protocol == null) {
      return false;
    }
    String p = protocol.strip().toLowerCase(Locale.ROOT);
    return p.equals("application/pkcs7-signature") || p.equals("application/x-pkcs7-signature");
  }
}
