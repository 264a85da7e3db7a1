package org.rpzx.smtp.mime;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.util.Locale;

/**
 * A parsed {@code Content-Type} (RFC 2045 §5): lower-case base type and parameters, with RFC 2231
 * parameter encodings and continuations undone (by Jakarta Mail's {@link ContentType}). A value
 * Jakarta Mail refuses is read leniently instead, since senders' mailers are not always strict.
 */
public final class MediaType {

  /** What a part without {@code Content-Type} is (RFC 2045 §5.2). */
  public static final MediaType TEXT_PLAIN = new MediaType("text", "plain", null, null);

  private final String primary;
  private final String sub;
  private final ContentType strict;
  private final String lenientValue;

  private MediaType(String primary, String sub, ContentType strict, String lenientValue) {
    this.primary = primary;
    this.sub = sub;
    this.strict = strict;
    this.lenientValue = lenientValue;
  }

  /** Parses a header value; {@code null} or blank gives {@link #TEXT_PLAIN}. */
  public static MediaType parse(String value) {
    if (value == null || value.isBlank()) {
      return TEXT_PLAIN;
    }
    try {
      ContentType ct = new ContentType(value);
      return new MediaType(lower(ct.getPrimaryType()), lower(ct.getSubType()), ct, null);
    } catch (ParseException | RuntimeException e) {
      int semi = value.indexOf(';');
      String base = (semi < 0 ? value : value.substring(0, semi)).strip();
      int slash = base.indexOf('/');
      if (slash <= 0 || slash == base.length() - 1) {
        // not even type/subtype: an unknown kind of content, never a multipart
        return new MediaType("application", "octet-stream", null, value);
      }
      return new MediaType(
          lower(base.substring(0, slash).strip()),
          lower(base.substring(slash + 1).strip()),
          null,
          value);
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  public String primaryType() {
    return primary;
  }

  public String subType() {
    return sub;
  }

  /** {@code type/subtype}, lower case. */
  public String baseType() {
    return primary + "/" + sub;
  }

  public boolean isMultipart() {
    return primary.equals("multipart");
  }

  /** A parameter by name (case-insensitive), decoded; null when absent. */
  public String parameter(String name) {
    if (strict != null) {
      return strict.getParameter(name);
    }
    return lenientValue == null ? null : LenientParameters.get(lenientValue, name);
  }

  @Override
  public String toString() {
    return baseType();
  }
}
