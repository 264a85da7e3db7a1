package org.rpzx.bench.suite;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Queries built with dnsjava (so the suite's requests are written by someone else's encoder) and
 * the few header and RR fields the raw clients read straight from the wire: message id, RCODE,
 * ANCOUNT, and the type and SOA serial of each answer RR. Nothing else of a response is decoded.
 */
final class DnsWire {

  static final int TYPE_SOA = 6;

  private DnsWire() {}

  /** A query for {@code type} at {@code zone}, RD clear, with a random id. */
  static byte[] query(String zone, int type) throws IOException {
    Message m =
        Message.newQuery(Record.newRecord(Name.fromString(absolute(zone)), type, DClass.IN));
    m.getHeader().unsetFlag(Flags.RD);
    m.getHeader().setID(ThreadLocalRandom.current().nextInt(0x10000));
    return m.toWire();
  }

  /** An IXFR query from {@code serial} (RFC 1995: the client's SOA in the authority section). */
  static byte[] ixfr(String zone, long serial) throws IOException {
    Name origin = Name.fromString(absolute(zone));
    Message m = Message.newQuery(Record.newRecord(origin, Type.IXFR, DClass.IN));
    m.addRecord(
        new SOARecord(origin, DClass.IN, 0, Name.root, Name.root, serial, 0, 0, 0, 0),
        Section.AUTHORITY);
    m.getHeader().setID(ThreadLocalRandom.current().nextInt(0x10000));
    return m.toWire();
  }

  static String absolute(String zone) {
    return zone.endsWith(".") ? zone : zone + ".";
  }

  static int id(byte[] msg) {
    return u16(msg, 0);
  }

  static int rcode(byte[] msg) {
    return msg[3] & 0x0F;
  }

  static int ancount(byte[] msg, int off) {
    return u16(msg, off + 6);
  }

  static int u16(byte[] b, int off) {
    return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
  }

  static long u32(byte[] b, int off) {
    return ((long) u16(b, off) << 16) | u16(b, off + 2);
  }

  /** Offset just past the (possibly compressed) name at {@code off}. */
  static int skipName(byte[] b, int off) {
    while (true) {
      int len = b[off] & 0xFF;
      if (len == 0) {
        return off + 1;
      }
      if ((len & 0xC0) == 0xC0) {
        return off + 2;
      }
      off += 1 + len;
    }
  }

  /** Receives each answer RR's type and, for an SOA, its serial (else -1). */
  interface AnswerVisitor {
    void answer(int type, long soaSerial);
  }

  /**
   * Walks the answer section of the message in {@code b[off, off+len)}: skips the question and each
   * RR's owner and RDATA, reading only the type (and the serial of an SOA).
   */
  static void walkAnswers(byte[] b, int off, AnswerVisitor visitor) {
    int qd = u16(b, off + 4);
    int an = ancount(b, off);
    int p = off + 12;
    for (int i = 0; i < qd; i++) {
      p = skipName(b, p) + 4;
    }
    for (int i = 0; i < an; i++) {
      p = skipName(b, p);
      int type = u16(b, p);
      int rdlen = u16(b, p + 8);
      int rdata = p + 10;
      long serial = -1;
      if (type == TYPE_SOA) {
        int q = skipName(b, skipName(b, rdata));
        serial = u32(b, q);
      }
      visitor.answer(type, serial);
      p = rdata + rdlen;
    }
  }
}
