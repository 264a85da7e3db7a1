package org.rpzx.smtp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Runs an action once, when a read first reports the end of the stream. */
final class EndOfStreamSignal extends FilterInputStream {
  private final Runnable atEnd;
  private boolean signalled;

  EndOfStreamSignal(InputStream in, Runnable atEnd) {
    super(in);
    this.atEnd = atEnd;
  }

  @Override
  public int read() throws IOException {
    return seen(super.read());
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return seen(super.read(b, off, len));
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(Math.max(n, 1), 8192)];
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

  private int seen(int result) {
    if (result < 0 && !signalled) {
      signalled = true;
      atEnd.run();
    }
    return result;
  }
}
