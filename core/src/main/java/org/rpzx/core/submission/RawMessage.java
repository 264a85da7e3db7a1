package org.rpzx.core.submission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A received message exactly as it arrived, held gzip-compressed (SPEC §7: kept only when the
 * operator enables it). An edge writes the bytes into a {@link Capture} while it streams the
 * message, so the uncompressed message is never held in memory as a whole.
 */
public final class RawMessage {

  private final byte[] compressed;
  private final long size;

  private RawMessage(byte[] compressed, long size) {
    this.compressed = compressed;
    this.size = size;
  }

  /** A new capture to write the message's bytes into, then {@link Capture#finish}. */
  public static Capture capture() {
    return new Capture();
  }

  /** The message {@code bytes} (tests, small messages). */
  public static RawMessage of(byte[] bytes) {
    Capture c = capture();
    c.write(bytes, 0, bytes.length);
    return c.finish();
  }

  /** A message as stored: gzip bytes (taken, not copied) and the uncompressed size. */
  public static RawMessage ofCompressed(byte[] gzip, long size) {
    return new RawMessage(gzip, size);
  }

  /** The size of the message as received, in bytes. */
  public long size() {
    return size;
  }

  /**
   * The gzip-compressed bytes, as stored. Not a copy (a large message is not duplicated on its way
   * to the store): callers must not modify it.
   */
  public byte[] compressed() {
    return compressed;
  }

  /** The message as received. */
  public InputStream open() {
    try {
      return new GZIPInputStream(new ByteArrayInputStream(compressed), 8192);
    } catch (IOException e) {
      throw new UncheckedIOException("stored raw message is not gzip", e);
    }
  }

  /** The message as received, in one array. */
  public byte[] bytes() {
    try (InputStream in = open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("stored raw message is corrupt", e);
    }
  }

  /**
   * Compresses what is written to it; {@link #finish} turns it into a {@link RawMessage}. The
   * compressed bytes collect in fixed blocks, so growing never copies what is already there.
   */
  public static final class Capture extends OutputStream {
    private final BlockSink sink = new BlockSink();
    private final GZIPOutputStream gzip;
    private long size;
    private boolean finished;

    private Capture() {
      try {
        gzip =
            new GZIPOutputStream(sink, 8192) {
              {
                def.setLevel(Deflater.BEST_SPEED); // on the SMTP thread: speed over ratio
              }
            };
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
      }
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (finished) {
        throw new IllegalStateException("capture already finished");
      }
      try {
        gzip.write(b, off, len);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      size += len;
    }

    /** Bytes written so far. */
    public long size() {
      return size;
    }

    /** Ends the capture. */
    public RawMessage finish() {
      if (!finished) {
        finished = true;
        try {
          gzip.finish();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return new RawMessage(sink.toByteArray(), size);
    }
  }

  /** An output stream into a list of 64 KiB blocks. */
  private static final class BlockSink extends OutputStream {
    private static final int BLOCK = 64 * 1024;
    private final java.util.List<byte[]> full = new java.util.ArrayList<>();
    private byte[] current = new byte[BLOCK];
    private int pos;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      while (len > 0) {
        if (pos == BLOCK) {
          full.add(current);
          current = new byte[BLOCK];
          pos = 0;
        }
        int n = Math.min(len, BLOCK - pos);
        System.arraycopy(b, off, current, pos, n);
        pos += n;
        off += n;
        len -= n;
      }
    }

    byte[] toByteArray() {
      byte[] out = new byte[Math.toIntExact((long) full.size() * BLOCK + pos)];
      int at = 0;
      for (byte[] block : full) {
        System.arraycopy(block, 0, out, at, BLOCK);
        at += BLOCK;
      }
      System.arraycopy(current, 0, out, at, pos);
      return out;
    }
  }
}
