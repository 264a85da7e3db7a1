package org.rpzx.smtp.mime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers an {@link IOException} thrown by the source, so that a failure of a decoder stacked on
 * top (bad base64: the sender's fault) can be told from a failure of the connection or the size
 * limit underneath (which must propagate unchanged).
 */
final class SourceGuard extends FilterInputStream {
  private IOException failure;

  SourceGuard(InputStream in) {
    super(in);
  }

  IOException failure() {
    return failure;
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return super.read(b, off, len);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }
}
