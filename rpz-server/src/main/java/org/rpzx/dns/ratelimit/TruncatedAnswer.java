package org.rpzx.dns.ratelimit;

import java.util.Arrays;

/**
 * The "slip" answer: the query's header and question with QR and TC set and no records, built from
 * the query's bytes without parsing the rest.
 */
public final class TruncatedAnswer {

  private static final int HEADER = 12;

  private TruncatedAnswer() {}

  /**
   * @return the truncated answer, or null when the query has no single well-formed question
   */
  public static byte[] of(byte[] query) {
    if (query.length < HEADER || query[4] != 0 || query[5] != 1) {
      return null;
    }
    int p = HEADER;
    while (true) {
      if (p >= query.length) {
        return null;
      }
      int len = query[p] & 0xff;
      if (len == 0) {
        p++;
        break;
      }
      if (len > 63 || p - HEADER + len + 1 > 255) {
        return null; // a compression pointer or a bad label: no question to echo
      }
      p += len + 1;
    }
    int end = p + 4;
    if (end > query.length) {
      return null;
    }
    byte[] out = Arrays.copyOf(query, end);
    // QR, the query's opcode and RD, TC; AA, RA, Z and rcode clear
    out[2] = (byte) (0x80 | (query[2] & 0x79) | 0x02);
    out[3] = 0;
    for (int i = 6; i < HEADER; i++) {
      out[i] = 0;
    }
    return out;
  }
}
