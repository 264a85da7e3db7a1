package org.rpzx.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The message of a DATA command (RFC 5321 §4.1.1.4, §4.5.2) read in blocks: up to and including the
 * CRLF before the terminating {@code <CRLF>.<CRLF>}, with the leading dot of every other line that
 * starts with one removed. It means what SubEthaSMTP's {@code DotTerminatedInputStream} and {@code
 * DotUnstuffingInputStream} mean ({@code DotTerminatedDataProperties} and a differential fuzz
 * target hold it to them), but those read one byte at a time through a synchronized {@code
 * BufferedInputStream}: about 0.2 s of CPU for a 25 MB message, against 0.03 s here. One
 * difference, on purpose: a stuffed dot on the message's first line is removed, as RFC 5321 says
 * (SubEthaSMTP keeps it).
 *
 * <p>Reads never go past the terminator: {@code session} must support mark/reset (the session's own
 * buffered stream does), so that a pipelined command after the message stays for the session. A
 * stream that ends before the terminator is an {@link EOFException}, as in SubEthaSMTP.
 */
final class DotTerminatedData extends InputStream {

  /** At the start of a line: a {@code .} here is stuffing or the terminator. */
  private static final int LINE_START = 0;

  /** Inside a line. */
  private static final int IN_LINE = 1;

  /** After a CR inside a line (LF next makes a line start). */
  private static final int AFTER_CR = 2;

  /** After a {@code .} at a line start. */
  private static final int DOT = 3;

  /** After {@code .CR} at a line start (LF next ends the message). */
  private static final int DOT_CR = 4;

  private static final int BLOCK = 8192;

  private final InputStream session;
  private final byte[] in = new byte[BLOCK];
  private final byte[] out = new byte[BLOCK + 1];
  private int outPos;
  private int outLimit;
  private int state = LINE_START; // the CRLF of the DATA command line precedes the message
  private boolean ended;

  /**
   * @throws IllegalArgumentException if {@code session} cannot mark and reset
   */
  DotTerminatedData(InputStream session) {
    if (!session.markSupported()) {
      throw new IllegalArgumentException("the session's stream must support mark/reset");
    }
    this.session = session;
  }

  @Override
  public int read() throws IOException {
    if (outPos == outLimit && !fill()) {
      return -1;
    }
    return out[outPos++] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (outPos == outLimit && !fill()) {
      return -1;
    }
    int n = Math.min(len, outLimit - outPos);
    System.arraycopy(out, outPos, b, off, n);
    outPos += n;
    return n;
  }

  @Override
  public int available() {
    return outLimit - outPos;
  }

  /** Decodes the next block of the session's bytes; false at the end of the message. */
  private boolean fill() throws IOException {
    while (!ended) {
      session.mark(BLOCK);
      int n = session.read(in, 0, BLOCK);
      if (n < 0) {
        throw new EOFException("Pre-mature end of <CRLF>.<CRLF> terminated data");
      }
      int consumed = decode(n);
      if (ended) {
        session.reset();
        long skipped = session.skip(consumed);
        if (skipped != consumed) {
          throw new IOException("could not step over the end of the message");
        }
      }
      if (outLimit > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Decodes {@code in[0, n)} into {@code out}; returns how many input bytes belong to the message
   * (all, unless the terminator ends within them).
   */
  private int decode(int n) {
    int o = 0;
    int s = state;
    for (int i = 0; i < n; i++) {
      byte b = in[i];
      switch (s) {
        case LINE_START -> {
          if (b == '.') {
            s = DOT;
          } else {
            out[o++] = b;
            s = b == '\r' ? AFTER_CR : IN_LINE;
          }
        }
        case IN_LINE -> {
          out[o++] = b;
          if (b == '\r') {
            s = AFTER_CR;
          }
        }
        case AFTER_CR -> {
          out[o++] = b;
          s = b == '\n' ? LINE_START : b == '\r' ? AFTER_CR : IN_LINE;
        }
        case DOT -> {
          if (b == '\r') {
            s = DOT_CR;
          } else {
            out[o++] = b; // the dot was stuffing
            s = IN_LINE;
          }
        }
        default -> { // DOT_CR
          if (b == '\n') {
            ended = true;
            state = s;
            outPos = 0;
            outLimit = o;
            return i + 1;
          }
          out[o++] = '\r'; // the dot was stuffing; the CR is data
          out[o++] = b;
          s = b == '\r' ? AFTER_CR : IN_LINE;
        }
      }
    }
    state = s;
    outPos = 0;
    outLimit = o;
    return n;
  }
}
