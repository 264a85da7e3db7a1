package org.rpzx.dns.wire;

import java.nio.charset.StandardCharsets;

/** Conversions between dotted names and DNS wire format (RFC 1035 §3.1), for non-hot paths. */
public final class WireName {

  private WireName() {}

  /**
   * Wire form of a relative name ({@code host.example}) without the root label; {@code ""} gives an
   * empty array.
   *
   * @throws IllegalArgumentException for an empty label or a label above 63 octets
   */
  public static byte[] relative(String name) {
    if (name.isEmpty()) {
      return new byte[0];
    }
    byte[] text = name.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[text.length + 1];
    int labelStart = 0;
    int o = 0;
    for (int i = 0; i <= text.length; i++) {
      if (i == text.length || text[i] == '.') {
        int len = i - labelStart;
        if (len == 0 || len > 63) {
          throw new IllegalArgumentException("bad label in name: " + name);
        }
        out[o++] = (byte) len;
        System.arraycopy(text, labelStart, out, o, len);
        o += len;
        labelStart = i + 1;
      }
    }
    return out;
  }

  /** Wire form of an absolute name ({@code ns.example.} or {@code .}), with the root label. */
  public static byte[] absolute(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    byte[] rel = relative(n);
    byte[] out = new byte[rel.length + 1];
    System.arraycopy(rel, 0, out, 0, rel.length);
    return out;
  }
}
