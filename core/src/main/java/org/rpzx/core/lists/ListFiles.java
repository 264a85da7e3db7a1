package org.rpzx.core.lists;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reading list files: the format is told by the first bytes, not the file name (a downloaded {@code
 * top-1m.csv.zip} may be stored under any name), and every read yields the file's SHA-256 and
 * modification time, so an operator can tell which file is in force.
 */
public final class ListFiles {

  /** What a read produced, with the identity of the bytes it came from. */
  public record Read<T>(T value, Instant modified, String sha256) {}

  /** Parses the decompressed text of a list file. */
  @FunctionalInterface
  public interface TextParser<T> {
    T parse(Reader text) throws IOException;
  }

  private ListFiles() {}

  /**
   * The text of {@code file} parsed by {@code parser}; the checksum covers the whole file even if
   * the parser stops early.
   */
  public static <T> Read<T> read(Path file, TextParser<T> parser) throws IOException {
    Instant modified = Files.getLastModifiedTime(file).toInstant();
    MessageDigest sha = sha256();
    try (InputStream raw = Files.newInputStream(file);
        DigestInputStream digesting = new DigestInputStream(raw, sha);
        BufferedInputStream buffered = new BufferedInputStream(digesting, 1 << 16)) {
      T value = parser.parse(new InputStreamReader(decompressed(buffered), StandardCharsets.UTF_8));
      buffered.transferTo(OutputStream.nullOutputStream());
      return new Read<>(value, modified, HexFormat.of().formatHex(sha.digest()));
    }
  }

  /**
   * The content of a list: of a zip archive its first file entry, a gzip stream gunzipped, anything
   * else as it is. Does not close {@code in} early; closing the result closes it.
   */
  public static InputStream decompressed(InputStream in) throws IOException {
    InputStream s = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
    s.mark(4);
    byte[] magic = s.readNBytes(4);
    s.reset();
    if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
      ZipInputStream zip = new ZipInputStream(s, StandardCharsets.UTF_8);
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (!e.isDirectory()) {
          return zip;
        }
      }
      throw new IOException("zip archive without a file in it");
    }
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(s, 1 << 16);
    }
    return s;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
