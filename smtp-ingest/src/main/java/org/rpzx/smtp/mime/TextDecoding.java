package org.rpzx.smtp.mime;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Turns the decoded bytes of a {@code domains.txt} into text.
 *
 * <ul>
 *   <li>A byte-order mark wins (UTF-8, UTF-16 BE/LE) and is removed: it is unambiguous, and a
 *       mailer that wrote one knows better than its {@code charset} label.
 *   <li>Otherwise the declared {@code charset}; none declared means UTF-8. {@code us-ascii} is read
 *       as UTF-8, its superset, because mailers label UTF-8 files as ASCII more often than they
 *       send real ASCII with stray high bytes.
 *   <li>A charset the JVM does not know is an error for the message: guessing could change names.
 *   <li>Bytes invalid in the charset become U+FFFD, so those lines fail validation on their own and
 *       the sender's report shows them; the other lines still count.
 * </ul>
 */
final class TextDecoding {
  private TextDecoding() {}

  static String decode(byte[] bytes, String declaredCharset, String where)
      throws MimeFormatException {
    Charset charset;
    int skip = 0;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      skip = 3;
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else {
      charset = lookup(declaredCharset, where);
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("REPLACE decoder reported an error", e);
    }
  }

  static Charset lookup(String declared, String where) throws MimeFormatException {
    if (declared == null || declared.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    String name = declared.strip();
    try {
      Charset cs = Charset.forName(MimeUtility.javaCharset(name));
      return cs.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : cs;
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new MimeFormatException(where + " declares an unsupported charset \"" + name + "\"");
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
