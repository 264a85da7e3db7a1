package org.rpzx.smtp.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered byte source that can look a bounded number of bytes ahead, which is all a multipart
 * delimiter search needs: the body itself is never held beyond the buffer.
 */
final class Lookahead {
  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int lim;
  private boolean eof;

  Lookahead(InputStream in, int capacity) {
    this.in = in;
    this.buf = new byte[capacity];
  }

  int capacity() {
    return buf.length;
  }

  /** The byte {@code i} positions ahead (0 = next), or -1 if the stream ends before it. */
  int peek(int i) throws IOException {
    if (i >= buf.length) {
      throw new IllegalArgumentException("look-ahead beyond buffer: " + i);
    }
    while (lim - pos <= i) {
      if (!fill()) {
        return -1;
      }
    }
    return buf[pos + i] & 0xff;
  }

  int read() throws IOException {
    int c = peek(0);
    if (c >= 0) {
      pos++;
    }
    return c;
  }

  /** Drops {@code n} bytes that {@link #peek} has already shown to be there. */
  void skip(int n) {
    if (n > lim - pos) {
      throw new IllegalStateException("skip past look-ahead");
    }
    pos += n;
  }

  /**
   * Copies up to {@code len} bytes, stopping before the first CR or LF; returns at least 1 when the
   * next byte is neither, 0 when it is one, -1 at the end of the stream.
   */
  int readRun(byte[] b, int off, int len) throws IOException {
    if (peek(0) < 0) {
      return -1;
    }
    int end = Math.min(lim, pos + len);
    int i = pos;
    while (i < end && buf[i] != '\r' && buf[i] != '\n') {
      i++;
    }
    int n = i - pos;
    System.arraycopy(buf, pos, b, off, n);
    pos = i;
    return n;
  }

  /** Reads and discards everything to the end of the stream. */
  void drain() throws IOException {
    pos = lim;
    while (fill()) {
      pos = lim;
    }
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    int n = in.read(buf, lim, buf.length - lim);
    if (n < 0) {
      eof = true;
      return false;
    }
    lim += n;
    return true;
  }
}
