package org.rpzx.dns.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.rpzx.core.zone.NameMatch;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneSnapshot;
import org.rpzx.dns.tsig.TsigCheck;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The answers of one snapshot for unsigned single-question queries, rendered once by the general
 * dnsjava path ({@link QueryProcessor#ordinary}) for a stand-in question of the same shape, so that
 * a query of that shape is answered by copying the template and patching ID, RD and the question.
 *
 * <p>The shape is what the rendered bytes depend on: the kind of answer, the question name's wire
 * length and whether the query had an OPT record. Compression pointers of the answer point into the
 * question at the origin's offset, which the length fixes; the SOA's MNAME and RNAME could also
 * point to a longer suffix of the question when they lie inside the zone, so a query name ending in
 * one of their relative parts ({@link #collides}) is left to the general path. Templates longer
 * than 512 bytes or truncated are never used (their bytes would depend on the client's payload
 * size). Built lazily, safe to share between threads.
 */
final class AnswerTemplates {

  static final int APEX_SOA = 0;
  static final int APEX_NS = 1;
  static final int APEX_ANY = 2;
  static final int APEX_OTHER = 3;
  static final int CNAME = 4;
  static final int NODATA = 5;
  static final int NXDOMAIN = 6;
  private static final int KINDS = 7;
  private static final int MAX_NAME = 255;
  private static final int MIN_UDP = 512;
  private static final byte[] NONE = new byte[0];
  private static final byte[] FILL = {'x', 'y', 'z', 'q'};

  private final ZoneSnapshot snapshot;
  private final QueryProcessor processor;
  private final int optPayload;
  private final Name originName;
  private final byte[] origin;
  private final byte[][] specials;
  private final AtomicReferenceArray<byte[]> templates =
      new AtomicReferenceArray<>(KINDS * (MAX_NAME + 1) * 2);

  AnswerTemplates(ZoneSnapshot snapshot, QueryProcessor processor, int optPayload) {
    this.snapshot = snapshot;
    this.processor = processor;
    this.optPayload = optPayload;
    ZoneSettings s = snapshot.settings();
    this.originName = Name.fromConstantString(s.origin());
    this.origin = lower(originName.toWire());
    this.specials = relativeParts(originName, s.primaryNs(), s.hostmaster());
  }

  ZoneSnapshot snapshot() {
    return snapshot;
  }

  Name originName() {
    return originName;
  }

  /** The origin in lower-case wire form, with the root label. */
  byte[] origin() {
    return origin;
  }

  /**
   * The rendered answer for {@code kind}, a question name of {@code nameLength} wire bytes and an
   * OPT record or none; null when this shape must take the general path.
   */
  byte[] template(int kind, int nameLength, boolean opt) {
    int i = ((kind * (MAX_NAME + 1)) + nameLength) * 2 + (opt ? 1 : 0);
    byte[] t = templates.get(i);
    if (t == null) {
      t = render(kind, nameLength, opt);
      templates.set(i, t);
    }
    return t == NONE ? null : t;
  }

  /**
   * Whether the relative part of a query name ({@code q[from..to)}, label-aligned at {@code from})
   * ends, at a label boundary, with the relative part of the SOA's MNAME or RNAME.
   */
  boolean collides(byte[] q, int from, int to) {
    for (byte[] s : specials) {
      int at = to - s.length;
      if (at < from || !labelStart(q, from, at) || !equalsIgnoreCase(q, at, s)) {
        continue;
      }
      return true;
    }
    return false;
  }

  private byte[] render(int kind, int nameLength, boolean opt) {
    Name qname = kind <= APEX_OTHER ? originName : standIn(nameLength - origin.length);
    if (qname == null || (kind <= APEX_OTHER && nameLength != origin.length)) {
      return NONE;
    }
    int qtype =
        switch (kind) {
          case APEX_SOA -> Type.SOA;
          case APEX_NS -> Type.NS;
          case APEX_ANY -> Type.ANY;
          default -> Type.A;
        };
    NameMatch match =
        switch (kind) {
          case CNAME -> NameMatch.NAME;
          case NODATA -> NameMatch.EMPTY_NON_TERMINAL;
          case NXDOMAIN -> NameMatch.NX_DOMAIN;
          default -> NameMatch.APEX;
        };
    Message query = new Message(0);
    Record question = Record.newRecord(qname, qtype, DClass.IN);
    query.addRecord(question, Section.QUESTION);
    if (opt) {
      query.addRecord(new OPTRecord(optPayload, 0, 0), Section.ADDITIONAL);
    }
    byte[] wire =
        processor.ordinary(query, question, match, snapshot, TsigCheck.UNSIGNED, MIN_UDP).wire();
    boolean truncated = (wire[2] & 0x02) != 0;
    return truncated || wire.length > MIN_UDP ? NONE : wire;
  }

  /** A name of {@code relative} wire bytes below the origin that collides with nothing. */
  private Name standIn(int relative) {
    if (relative < 2 || relative + origin.length > MAX_NAME) {
      return null;
    }
    for (byte fill : FILL) {
      byte[] wire = new byte[relative + origin.length];
      int p = 0;
      while (p < relative) {
        int rest = relative - p;
        int len = rest <= 64 ? rest - 1 : Math.min(63, rest - 3);
        wire[p] = (byte) len;
        for (int i = 1; i <= len; i++) {
          wire[p + i] = fill;
        }
        p += len + 1;
      }
      System.arraycopy(origin, 0, wire, relative, origin.length);
      if (!collides(wire, 0, relative)) {
        try {
          return new Name(new DNSInput(wire));
        } catch (IOException e) {
          throw new IllegalStateException("stand-in name", e);
        }
      }
    }
    return null;
  }

  /** Relative wire forms (lower case) of every suffix of the names that lies below the origin. */
  private static byte[][] relativeParts(Name origin, String... names) {
    List<byte[]> out = new ArrayList<>();
    for (String n : names) {
      Name name = Name.fromConstantString(n);
      if (!name.subdomain(origin) || name.equals(origin)) {
        continue;
      }
      byte[] wire = lower(name.toWire());
      int relative = wire.length - origin.toWire().length;
      for (int p = 0; p < relative; p += (wire[p] & 0xff) + 1) {
        byte[] part = new byte[relative - p];
        System.arraycopy(wire, p, part, 0, part.length);
        out.add(part);
      }
    }
    return out.toArray(new byte[0][]);
  }

  private static boolean labelStart(byte[] q, int from, int at) {
    int p = from;
    while (p < at) {
      p += (q[p] & 0xff) + 1;
    }
    return p == at;
  }

  private static boolean equalsIgnoreCase(byte[] q, int at, byte[] lower) {
    for (int i = 0; i < lower.length; i++) {
      if (lower(q[at + i]) != lower[i]) {
        return false;
      }
    }
    return true;
  }

  static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
  }

  private static byte[] lower(byte[] wire) {
    byte[] out = wire.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = lower(out[i]);
    }
    return out;
  }
}
