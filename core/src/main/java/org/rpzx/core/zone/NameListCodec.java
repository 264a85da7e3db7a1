package org.rpzx.core.zone;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compact bytes for a list of names (ASCII, e.g. a change set's canonically sorted list), for
 * storage. Each name is written as the number of trailing characters it shares with the previous
 * name and the rest of it; in canonical order neighbours share their rightmost labels, so most of a
 * name is a varint. Bodies of {@value #DEFLATE_FROM} bytes or more are deflated when that helps.
 *
 * <pre>
 * 'N' 0x01            magic, version
 * flags               bit 0: body deflated
 * varint count        number of names
 * varint bodyLength   length of the body before deflation
 * int32 crc           CRC-32 of the body before deflation (big-endian)
 * body                per name: varint shared, varint restLength, rest (ASCII)
 * </pre>
 *
 * Any order round-trips; decoding checks everything and throws {@link CorruptNameListException}.
 */
public final class NameListCodec {

  private static final byte MAGIC = 'N';
  private static final byte VERSION = 1;
  private static final int FLAG_DEFLATED = 1;
  static final int DEFLATE_FROM = 64;

  /** Longest name accepted, in characters (a domain name in text form is shorter). */
  private static final int MAX_NAME = 1024;

  /** Deflate expands at most about 1032-fold; a larger claim is corrupt. */
  private static final long MAX_INFLATE_RATIO = 1100;

  private NameListCodec() {}

  /**
   * Encodes {@code names} in the given order.
   *
   * @throws IllegalArgumentException if a name holds a non-ASCII character or is too long
   */
  public static byte[] encode(List<String> names) {
    ByteSink body = new ByteSink(names.size() * 8 + 16);
    String prev = "";
    for (String name : names) {
      if (name.length() > MAX_NAME) {
        throw new IllegalArgumentException("name too long: " + name.length() + " characters");
      }
      int shared = sharedSuffix(prev, name);
      int rest = name.length() - shared;
      body.varint(shared);
      body.varint(rest);
      body.ascii(name, rest);
      prev = name;
    }
    byte[] raw = body.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(raw);
    byte[] payload = raw;
    int flags = 0;
    if (raw.length >= DEFLATE_FROM) {
      byte[] deflated = deflate(raw);
      if (deflated.length < raw.length) {
        payload = deflated;
        flags = FLAG_DEFLATED;
      }
    }
    ByteSink out = new ByteSink(payload.length + 16);
    out.write(MAGIC);
    out.write(VERSION);
    out.write(flags);
    out.varint(names.size());
    out.varint(raw.length);
    long c = crc.getValue();
    out.write((int) (c >>> 24));
    out.write((int) (c >>> 16));
    out.write((int) (c >>> 8));
    out.write((int) c);
    out.write(payload, payload.length);
    return out.toByteArray();
  }

  /**
   * A growable byte array without {@link ByteArrayOutputStream}'s per-byte lock: a million names
   * are some twenty million single-byte writes.
   */
  private static final class ByteSink {
    private byte[] buf;
    private int size;

    ByteSink(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
      if (size + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(size + more, buf.length * 2));
      }
    }

    void write(int b) {
      ensure(1);
      buf[size++] = (byte) b;
    }

    void write(byte[] b, int len) {
      ensure(len);
      System.arraycopy(b, 0, buf, size, len);
      size += len;
    }

    void varint(int v) {
      ensure(5);
      while ((v & ~0x7f) != 0) {
        buf[size++] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      buf[size++] = (byte) v;
    }

    /** The first {@code count} characters of {@code name}, which must be ASCII. */
    void ascii(String name, int count) {
      ensure(count);
      for (int i = 0; i < count; i++) {
        char c = name.charAt(i);
        if (c > 0x7f) {
          throw new IllegalArgumentException("non-ASCII character in name: " + name);
        }
        buf[size++] = (byte) c;
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }
  }

  /**
   * Decodes what {@link #encode} wrote.
   *
   * @throws CorruptNameListException if the bytes are not a valid encoding
   */
  public static List<String> decode(byte[] data) {
    Reader in = new Reader(data, 0, data.length);
    if (in.u8() != MAGIC) {
      throw new CorruptNameListException("not an encoded name list (bad magic)");
    }
    int version = in.u8();
    if (version != VERSION) {
      throw new CorruptNameListException("unknown name list version " + version);
    }
    int flags = in.u8();
    if ((flags & ~FLAG_DEFLATED) != 0) {
      throw new CorruptNameListException("unknown name list flags " + flags);
    }
    int count = in.varint();
    int rawLength = in.varint();
    long crcExpected = (long) in.u8() << 24 | in.u8() << 16 | in.u8() << 8 | in.u8();
    int payloadLength = data.length - in.pos;
    if ((long) count * 2 > rawLength) {
      throw new CorruptNameListException("name count " + count + " exceeds body length");
    }
    byte[] raw;
    if ((flags & FLAG_DEFLATED) != 0) {
      if (rawLength > payloadLength * MAX_INFLATE_RATIO + 64) {
        throw new CorruptNameListException("implausible body length " + rawLength);
      }
      raw = inflate(data, in.pos, payloadLength, rawLength);
    } else {
      if (payloadLength != rawLength) {
        throw new CorruptNameListException(
            "body length " + payloadLength + ", header says " + rawLength);
      }
      raw = new byte[rawLength];
      System.arraycopy(data, in.pos, raw, 0, rawLength);
    }
    CRC32 crc = new CRC32();
    crc.update(raw);
    if (crc.getValue() != crcExpected) {
      throw new CorruptNameListException("checksum mismatch");
    }
    return parseBody(raw, count);
  }

  private static List<String> parseBody(byte[] raw, int count) {
    Reader in = new Reader(raw, 0, raw.length);
    List<String> names = new ArrayList<>(count);
    byte[] prev = new byte[0];
    for (int i = 0; i < count; i++) {
      int shared = in.varint();
      int rest = in.varint();
      if (shared > prev.length) {
        throw new CorruptNameListException("name " + i + " shares more than the previous holds");
      }
      if ((long) shared + rest > MAX_NAME) {
        throw new CorruptNameListException("name " + i + " too long");
      }
      byte[] name = new byte[shared + rest];
      in.bytes(name, 0, rest);
      for (int j = 0; j < rest; j++) {
        if (name[j] < 0) {
          throw new CorruptNameListException("non-ASCII octet in name " + i);
        }
      }
      System.arraycopy(prev, prev.length - shared, name, rest, shared);
      names.add(new String(name, StandardCharsets.US_ASCII));
      prev = name;
    }
    if (in.pos != raw.length) {
      throw new CorruptNameListException("trailing bytes after " + count + " names");
    }
    return names;
  }

  private static int sharedSuffix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int k = 0;
    while (k < n && a.charAt(a.length() - 1 - k) == b.charAt(b.length() - 1 - k)) {
      k++;
    }
    return k;
  }

  /**
   * One raw deflate stream of {@code raw}. A large body is deflated in slices on all cores: each
   * slice but the last ends with a sync flush (byte-aligned, not final), so the slices' outputs
   * concatenate into one valid stream whose back-references stay within their slice (a slightly
   * worse ratio, the same format: any inflater reads it whole).
   */
  static byte[] deflate(byte[] raw) {
    if (raw.length < 2 * DEFLATE_SLICE) {
      return deflateSlice(raw, 0, raw.length, true);
    }
    int slices = (raw.length + DEFLATE_SLICE - 1) / DEFLATE_SLICE;
    List<byte[]> parts =
        IntStream.range(0, slices)
            .parallel()
            .mapToObj(
                i -> {
                  int from = i * DEFLATE_SLICE;
                  int to = Math.min(raw.length, from + DEFLATE_SLICE);
                  return deflateSlice(raw, from, to - from, i == slices - 1);
                })
            .toList();
    ByteSink out = new ByteSink(raw.length / 2 + 16);
    for (byte[] part : parts) {
      out.write(part, part.length);
    }
    return out.toByteArray();
  }

  /** Body octets per slice when a large body is deflated on several cores. */
  static final int DEFLATE_SLICE = 4 << 20;

  private static byte[] deflateSlice(byte[] raw, int off, int len, boolean last) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    try {
      deflater.setInput(raw, off, len);
      if (last) {
        deflater.finish();
      }
      ByteSink out = new ByteSink(len / 2 + 64);
      byte[] buf = new byte[64 * 1024];
      while (true) {
        int n =
            deflater.deflate(buf, 0, buf.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
        out.write(buf, n);
        if (last ? deflater.finished() : n < buf.length && deflater.needsInput()) {
          return out.toByteArray();
        }
      }
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] data, int off, int len, int rawLength) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(data, off, len);
      byte[] raw = new byte[rawLength];
      int n = 0;
      int stalls = 0;
      while (n < rawLength && stalls < 3) {
        int got = inflater.inflate(raw, n, rawLength - n);
        if (got == 0) {
          if (inflater.finished() || inflater.needsInput() || inflater.needsDictionary()) {
            break;
          }
          stalls++;
        }
        n += got;
      }
      // a raw stream needs one more call to see its end once the output is complete
      if (n == rawLength && !inflater.finished()) {
        byte[] probe = new byte[1];
        if (inflater.inflate(probe) != 0) {
          throw new CorruptNameListException("deflated body longer than header says");
        }
      }
      if (n != rawLength || !inflater.finished() || inflater.getRemaining() != 0) {
        throw new CorruptNameListException("deflated body does not match its header");
      }
      return raw;
    } catch (DataFormatException e) {
      throw new CorruptNameListException("deflated body corrupt: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  /** Bounds-checked reading that reports truncation as corruption. */
  private static final class Reader {
    private final byte[] data;
    private final int end;
    int pos;

    Reader(byte[] data, int pos, int end) {
      this.data = data;
      this.pos = pos;
      this.end = end;
    }

    int u8() {
      if (pos >= end) {
        throw new CorruptNameListException("truncated at byte " + pos);
      }
      return data[pos++] & 0xff;
    }

    int varint() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        int b = u8();
        v |= (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          if (v < 0 || (shift == 28 && b > 0x07)) {
            throw new CorruptNameListException("varint out of range at byte " + pos);
          }
          return v;
        }
      }
      throw new CorruptNameListException("varint too long at byte " + pos);
    }

    void bytes(byte[] dst, int off, int len) {
      if (len > end - pos) {
        throw new CorruptNameListException("truncated at byte " + pos);
      }
      System.arraycopy(data, pos, dst, off, len);
      pos += len;
    }
  }
}
