package org.rpzx.smtp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of a message as they stream in and fails with {@link MessageTooLargeException}
 * as soon as one byte more than the limit arrives. SubEthaSMTP only checks the size the client
 * declares in {@code MAIL FROM ... SIZE=}; this enforces it.
 */
final class SizeLimitedInputStream extends FilterInputStream {
  private final long limit;
  private long count;

  SizeLimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      add(1);
    }
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    // never ask for more than one byte past the limit, so the overrun is seen at once
    long room = limit - count + 1;
    int n = super.read(b, off, (int) Math.min(len, Math.max(room, 1)));
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(n, 8192)];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void add(int n) throws MessageTooLargeException {
    count += n;
    if (count > limit) {
      throw new MessageTooLargeException(limit);
    }
  }
}
