package org.rpzx.smtp.mime;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.UnsupportedEncodingException;
import java.util.Locale;

/**
 * A part's file name: {@code Content-Disposition} {@code filename}, else {@code Content-Type}
 * {@code name} (RFC 2183, RFC 2045). RFC 2231 encodings and continuations are undone by the
 * parameter parser; RFC 2047 encoded words (which mailers put in quoted names although the RFC does
 * not allow it there) are decoded here. A directory part some mailers add is dropped.
 */
final class FileNames {
  private FileNames() {}

  static final String DOMAINS_TXT = "domains.txt";
  static final String REPORTS_TXT = "reports.txt";

  /** The file name of {@code part}, or null when it has none. */
  static String of(MimePart part) {
    String name = null;
    String disposition = part.headers().first("Content-Disposition");
    if (disposition != null) {
      name = dispositionFilename(disposition);
    }
    if (name == null || name.isBlank()) {
      name = part.type().parameter("name");
    }
    return name == null ? null : clean(name);
  }

  /** Whether {@code name} is {@code domains.txt}, ASCII case-insensitively. */
  static boolean isDomainsTxt(String name) {
    return name != null && name.toLowerCase(Locale.ROOT).equals(DOMAINS_TXT);
  }

  /** Whether {@code name} is {@code reports.txt}, ASCII case-insensitively. */
  static boolean isReportsTxt(String name) {
    return name != null && name.toLowerCase(Locale.ROOT).equals(REPORTS_TXT);
  }

  /** Whether {@code part} is shown inline: no {@code Content-Disposition: attachment}. */
  static boolean isInline(MimePart part) {
    String disposition = part.headers().first("Content-Disposition");
    return disposition == null
        || !disposition.strip().toLowerCase(Locale.ROOT).startsWith("attachment");
  }

  /** A header value with RFC 2047 encoded words decoded; null stays null. */
  static String decodeHeader(String value) {
    if (value == null || !value.contains("=?")) {
      return value;
    }
    try {
      return MimeUtility.decodeText(value);
    } catch (UnsupportedEncodingException | RuntimeException e) {
      return value; // an unknown charset: the raw text is still a usable reason
    }
  }

  private static String dispositionFilename(String value) {
    try {
      return new ContentDisposition(value).getParameter("filename");
    } catch (ParseException | RuntimeException e) {
      return LenientParameters.get(value, "filename");
    }
  }

  private static String clean(String raw) {
    String name = raw;
    if (name.contains("=?")) {
      try {
        name = MimeUtility.decodeText(name);
      } catch (UnsupportedEncodingException | RuntimeException e) {
        // an encoded word in an unknown charset: keep the raw text, it will not match
      }
    }
    name = name.strip();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash >= 0 ? name.substring(slash + 1).strip() : name;
  }
}
