package org.rpzx.smtp;

/**
 * An SMTP reply to the end of DATA: the code and the text after it, which starts with the enhanced
 * status code (RFC 3463), e.g. {@code 250} and {@code 2.0.0 submission 4711: 120 accepted, 3
 * rejected}. The text is made safe for one reply line: printable ASCII only, bounded.
 */
public record SmtpReply(int code, String text) {

  /** RFC 5321 §4.5.3.1.5 allows 512 octets per reply line including code and CRLF. */
  static final int MAX_TEXT = 400;

  public SmtpReply {
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException("not an SMTP reply code: " + code);
    }
    text = sanitise(text);
  }

  public boolean isSuccess() {
    return code < 300;
  }

  /** The full reply line, e.g. {@code 550 5.7.1 not an authorized sender}. */
  public String line() {
    return code + " " + text;
  }

  static SmtpReply ok(String text) {
    return new SmtpReply(250, "2.0.0 " + text);
  }

  static SmtpReply notAuthorized(String reason) {
    return new SmtpReply(550, "5.7.1 " + reason);
  }

  static SmtpReply badContent(String reason) {
    return new SmtpReply(550, "5.6.0 " + reason);
  }

  static SmtpReply tryLater(String reason) {
    return new SmtpReply(451, "4.3.0 " + reason + ", try again later");
  }

  /** Control characters and non-ASCII become {@code ?}/space: a reply must not break the line. */
  static String sanitise(String text) {
    String t = text == null ? "" : text;
    StringBuilder out = new StringBuilder(Math.min(t.length(), MAX_TEXT));
    for (int i = 0; i < t.length() && out.length() < MAX_TEXT; i++) {
      char c = t.charAt(i);
      if (c == '\r' || c == '\n' || c == '\t') {
        out.append(' ');
      } else if (c < 0x20 || c > 0x7e) {
        out.append('?');
      } else {
        out.append(c);
      }
    }
    if (t.length() > MAX_TEXT) {
      out.setLength(MAX_TEXT - 3);
      out.append("...");
    }
    return out.toString().strip();
  }
}
