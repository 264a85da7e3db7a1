package org.rpzx.dns.query;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.rpzx.core.zone.NameMatch;
import org.rpzx.core.zone.ZoneSnapshot;
import org.rpzx.core.zone.ZoneView;
import org.xbill.DNS.Name;

/**
 * The serving fast path: answers the common small query (opcode QUERY, one question for a name in
 * the zone, class IN or ANY, no other records but an optional plain EDNS(0) OPT, no TSIG) from the
 * current snapshot's {@link AnswerTemplates} without parsing it into objects. Anything else, and
 * any shape without a usable template, returns null and takes the general dnsjava path, which
 * renders every template, so both give the same bytes (see the differential tests).
 */
final class FastAnswerer {

  private static final int HEADER = 12;
  private static final int MAX_NAME = 255;
  private static final int TYPE_NS = 2;
  private static final int TYPE_SOA = 6;
  private static final int TYPE_OPT = 41;
  private static final int TYPE_ANY = 255;
  private static final int OPT_RR = 11;

  private final ZoneView zone;
  private final QueryProcessor processor;
  private final int optPayload;
  private volatile AnswerTemplates templates;

  FastAnswerer(ZoneView zone, QueryProcessor processor, int optPayload) {
    this.zone = zone;
    this.processor = processor;
    this.optPayload = optPayload;
  }

  /** The origin of {@code snapshot}, parsed once per snapshot. */
  Name origin(ZoneSnapshot snapshot) {
    return templatesFor(snapshot).originName();
  }

  private AnswerTemplates templatesFor(ZoneSnapshot snapshot) {
    AnswerTemplates t = templates;
    if (t == null || t.snapshot() != snapshot) {
      t = new AnswerTemplates(snapshot, processor, optPayload);
      templates = t; // a racing thread may build its own: both are equal
    }
    return t;
  }

  /**
   * The answer to {@code q[0..len)}, or null when the general path must answer it.
   *
   * @param start {@link System#nanoTime()} at arrival, for the SOA check's duration
   */
  byte[] answer(byte[] q, int len, InetAddress client, boolean tcp, long start) {
    if (len < HEADER + 5 || (q[2] & 0xf8) != 0) {
      return null; // a response, or an opcode other than QUERY
    }
    if (u16(q, 4) != 1 || u16(q, 6) != 0 || u16(q, 8) != 0 || u16(q, 10) > 1) {
      return null;
    }
    int nameEnd = nameEnd(q, len);
    if (nameEnd < 0 || nameEnd + 4 > len) {
      return null;
    }
    int qtype = u16(q, nameEnd);
    int qclass = u16(q, nameEnd + 2);
    boolean opt = u16(q, 10) == 1;
    int end = nameEnd + 4 + (opt ? OPT_RR : 0);
    if (end != len || (opt && !plainOpt(q, nameEnd + 4)) || !ordinaryType(qtype)) {
      return null;
    }
    if (qclass != 1 && qclass != TYPE_ANY) {
      return null;
    }
    ZoneSnapshot snapshot = zone.current();
    AnswerTemplates t = templatesFor(snapshot);
    byte[] origin = t.origin();
    int originAt = nameEnd - origin.length;
    if (originAt < HEADER || !labelStart(q, originAt) || !sameLower(q, originAt, origin)) {
      return null; // outside the zone: REFUSED by the general path
    }
    int kind = kind(snapshot, q, originAt, qtype);
    if ((kind == AnswerTemplates.NODATA || kind == AnswerTemplates.NXDOMAIN)
        && t.collides(q, HEADER, originAt)) {
      return null;
    }
    byte[] template = t.template(kind, nameEnd - HEADER, opt);
    if (template == null) {
      return null;
    }
    byte[] out = template.clone();
    out[0] = q[0];
    out[1] = q[1];
    out[2] |= (byte) (q[2] & 0x01); // RD
    System.arraycopy(q, HEADER, out, HEADER, nameEnd + 4 - HEADER);
    if (kind == AnswerTemplates.APEX_SOA) {
      processor.soaChecked(client, tcp, Optional.empty(), snapshot.serial(), out.length, start);
    }
    return out;
  }

  /** The end of the question name, or -1 if it is compressed, malformed or too long. */
  private static int nameEnd(byte[] q, int len) {
    int p = HEADER;
    while (p < len) {
      int l = q[p] & 0xff;
      if (l == 0) {
        return p + 1 - HEADER > MAX_NAME ? -1 : p + 1;
      }
      if (l > 63) {
        return -1;
      }
      p += l + 1;
      if (p - HEADER >= MAX_NAME) {
        return -1;
      }
    }
    return -1;
  }

  /** An OPT record of version 0 without options or extended rcode. */
  private static boolean plainOpt(byte[] q, int at) {
    return q[at] == 0
        && u16(q, at + 1) == TYPE_OPT
        && q[at + 5] == 0 // extended rcode
        && q[at + 6] == 0 // version; else BADVERS from the general path
        && u16(q, at + 9) == 0; // no options
  }

  private static boolean ordinaryType(int qtype) {
    // transfers, meta records and TSIG/TKEY questions go the general way
    return qtype != TYPE_OPT && (qtype < 249 || qtype > 252);
  }

  private int kind(ZoneSnapshot snapshot, byte[] q, int originAt, int qtype) {
    if (originAt == HEADER) {
      return switch (qtype) {
        case TYPE_SOA -> AnswerTemplates.APEX_SOA;
        case TYPE_NS -> AnswerTemplates.APEX_NS;
        case TYPE_ANY -> AnswerTemplates.APEX_ANY;
        default -> AnswerTemplates.APEX_OTHER;
      };
    }
    NameMatch match = classify(snapshot, q, originAt);
    return switch (match) {
      case NAME, WILDCARD_OWNER, WILDCARD_MATCH -> AnswerTemplates.CNAME;
      case EMPTY_NON_TERMINAL -> AnswerTemplates.NODATA;
      case NX_DOMAIN -> AnswerTemplates.NXDOMAIN;
      case APEX -> throw new IllegalStateException("apex below the apex");
    };
  }

  /** {@link QueryNames#classify} on the query's bytes: the labels in {@code q[12..originAt)}. */
  private static NameMatch classify(ZoneSnapshot snapshot, byte[] q, int originAt) {
    int afterOdd = -1; // start of the label after the rightmost odd label
    for (int p = HEADER; p < originAt; p += (q[p] & 0xff) + 1) {
      if (!plainLabel(q, p)) {
        afterOdd = p + (q[p] & 0xff) + 1;
      }
    }
    if (afterOdd < 0) {
      return snapshot.match(join(q, HEADER, originAt));
    }
    if (afterOdd == originAt) {
      return NameMatch.NX_DOMAIN; // directly below the apex, which has no wildcard
    }
    NameMatch above = snapshot.match(join(q, afterOdd, originAt));
    return above == NameMatch.NAME || above == NameMatch.WILDCARD_MATCH
        ? NameMatch.WILDCARD_MATCH
        : NameMatch.NX_DOMAIN;
  }

  private static boolean plainLabel(byte[] q, int at) {
    int len = q[at] & 0xff;
    if (len == 1 && q[at + 1] == '*') {
      return true;
    }
    for (int i = at + 1; i <= at + len; i++) {
      int c = AnswerTemplates.lower(q[i]) & 0xff;
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Labels {@code q[from..to)} in lower case, joined by dots (they are plain labels). */
  private static String join(byte[] q, int from, int to) {
    byte[] out = new byte[to - from - 1];
    int n = 0;
    for (int p = from; p < to; p += (q[p] & 0xff) + 1) {
      if (n > 0) {
        out[n++] = '.';
      }
      for (int i = p + 1; i <= p + (q[p] & 0xff); i++) {
        out[n++] = AnswerTemplates.lower(q[i]);
      }
    }
    return new String(out, 0, n, StandardCharsets.US_ASCII);
  }

  private static boolean labelStart(byte[] q, int at) {
    int p = HEADER;
    while (p < at) {
      p += (q[p] & 0xff) + 1;
    }
    return p == at;
  }

  private static boolean sameLower(byte[] q, int at, byte[] lower) {
    for (int i = 0; i < lower.length; i++) {
      if (AnswerTemplates.lower(q[at + i]) != lower[i]) {
        return false;
      }
    }
    return true;
  }

  private static int u16(byte[] q, int at) {
    return ((q[at] & 0xff) << 8) | (q[at + 1] & 0xff);
  }
}
