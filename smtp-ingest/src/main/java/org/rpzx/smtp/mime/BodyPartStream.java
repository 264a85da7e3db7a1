package org.rpzx.smtp.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one section of a multipart body (the preamble or one body part) up to, not
 * including, the next delimiter line (RFC 2046 §5.1.1). The line break before a delimiter belongs
 * to the delimiter, so a part's bytes are exactly what an S/MIME signature covers.
 *
 * <p>A delimiter is {@code --boundary} at the start of a line, optionally followed by {@code --}
 * (the close delimiter) and linear white space, then the end of the line. Bare LF line ends are
 * tolerated. The end of the stream ends the section too (a missing close delimiter is common and
 * harmless here).
 */
final class BodyPartStream extends InputStream {

  /** How the section ended. */
  enum End {
    /** Not yet at its end. */
    OPEN,
    /** At a delimiter: another body part follows. */
    NEXT,
    /** At the close delimiter: only the epilogue follows. */
    CLOSE,
    /** At the end of the enclosing stream without a close delimiter. */
    EOF
  }

  /** RFC 2046 allows 70; a little slack for sloppy generators, still far below the buffer. */
  static final int MAX_BOUNDARY_LENGTH = 200;

  private final Lookahead in;
  private final byte[] dashBoundary;
  private boolean atStart = true;
  private End end = End.OPEN;
  private final byte[] one = new byte[1];

  BodyPartStream(Lookahead in, String boundary) throws MimeFormatException {
    if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
      throw new MimeFormatException(
          "multipart boundary must be 1 to " + MAX_BOUNDARY_LENGTH + " characters");
    }
    this.in = in;
    this.dashBoundary = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
  }

  End end() {
    return end;
  }

  @Override
  public int read() throws IOException {
    int n;
    do {
      n = read(one, 0, 1);
    } while (n == 0);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (end != End.OPEN) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      int c = in.peek(0);
      if (c < 0) {
        end = End.EOF;
        break;
      }
      if (atStart) {
        atStart = false;
        if (consumeDelimiterAt(0)) {
          break;
        }
      }
      if (c == '\r' || c == '\n') {
        int lineBreak = c == '\n' ? 1 : in.peek(1) == '\n' ? 2 : 0;
        if (lineBreak > 0 && consumeDelimiterAt(lineBreak)) {
          break;
        }
        b[off + n++] = (byte) in.read();
        continue;
      }
      n += in.readRun(b, off + n, len - n);
    }
    return n == 0 && end != End.OPEN ? -1 : n;
  }

  /** If a delimiter line starts {@code k} bytes ahead, consumes it (and the line break before). */
  private boolean consumeDelimiterAt(int k) throws IOException {
    for (int i = 0; i < dashBoundary.length; i++) {
      if (in.peek(k + i) != (dashBoundary[i] & 0xff)) {
        return false;
      }
    }
    int j = k + dashBoundary.length;
    boolean close = in.peek(j) == '-' && in.peek(j + 1) == '-';
    if (close) {
      j += 2;
    }
    int limit = in.capacity() - 2;
    while (j < limit && (in.peek(j) == ' ' || in.peek(j) == '\t')) {
      j++;
    }
    int c = in.peek(j);
    if (c == '\r' && in.peek(j + 1) == '\n') {
      j += 2;
    } else if (c == '\n') {
      j += 1;
    } else if (c >= 0) {
      return false; // "--boundary" followed by other text: ordinary content
    }
    in.skip(j);
    end = close ? End.CLOSE : End.NEXT;
    return true;
  }
}
