package org.rpzx.smtp.mime;

/** How the message as a whole is wrapped in S/MIME (RFC 8551), judged by its top-level type. */
public enum SmimeForm {
  /** Not S/MIME at the top level. */
  NONE,
  /** {@code multipart/signed}: readable content plus a detached signature. */
  MULTIPART_SIGNED,
  /**
   * {@code application/pkcs7-mime} (opaque signed or enveloped): the content sits inside CMS and
   * cannot be walked without unwrapping it.
   */
  PKCS7_MIME;

  static SmimeForm of(MediaType top) {
    return switch (top.baseType()) {
      case "multipart/signed" -> MULTIPART_SIGNED;
      case "application/pkcs7-mime", "application/x-pkcs7-mime" -> PKCS7_MIME;
      default -> NONE;
    };
  }
}
