package org.rpzx.core.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A list of names as one deflated, newline-separated blob: compact for the 1M-name submissions a
 * 25 MB mail can carry, written as one value instead of one row per line.
 */
public final class CompressedNames {

  private CompressedNames() {}

  public static byte[] encode(Collection<String> names) {
    StringBuilder sb = new StringBuilder(names.size() * 16);
    for (String n : names) {
      if (n.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("name contains a newline");
      }
      sb.append(n).append('\n');
    }
    byte[] raw = sb.toString().getBytes(StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(raw);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 3));
      byte[] buf = new byte[64 * 1024];
      while (!deflater.finished()) {
        out.write(buf, 0, deflater.deflate(buf));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  public static List<String> decode(byte[] blob) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(blob);
      ByteArrayOutputStream out = new ByteArrayOutputStream(blob.length * 3);
      byte[] buf = new byte[64 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new StoreException("truncated name list in store");
        }
        out.write(buf, 0, n);
      }
      String text = out.toString(StandardCharsets.UTF_8);
      List<String> names = new ArrayList<>();
      int start = 0;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        names.add(text.substring(start, i));
        start = i + 1;
      }
      return names;
    } catch (DataFormatException e) {
      throw new StoreException("corrupt name list in store: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
