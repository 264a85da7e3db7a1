package org.rpzx.smtp.mime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the header {@code Message-ID} (RFC 5322 §3.6.4) for de-duplication of re-deliveries. */
final class MessageIds {
  private MessageIds() {}

  private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]{1,900}>");

  /** The {@code <id>} of the first {@code Message-ID} field, or null when there is none usable. */
  static String of(HeaderBlock headers) {
    String value = headers.first("Message-ID");
    if (value == null) {
      return null;
    }
    Matcher m = MSG_ID.matcher(value);
    if (m.find()) {
      return m.group();
    }
    String bare = value.strip();
    return bare.isEmpty() || bare.length() > 900 || bare.chars().anyMatch(Character::isWhitespace)
        ? null
        : bare;
  }
}
