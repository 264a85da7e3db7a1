package org.rpzx.dns.tsig;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rpzx.dns.support.TsigTestKeys;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * The keys, zone and seed requests of {@link TsigVerificationFuzzTest}. The seeds are requests
 * signed with dnsjava's {@link TSIG#apply} at {@link #SIGNED_AT} (fixed message ids, so the bytes
 * are reproducible); {@link TsigFuzzSeedsTest} checks that the committed files are these.
 */
final class TsigFuzzSeeds {

  static final Instant SIGNED_AT = Instant.parse("2026-03-01T12:00:00Z");
  static final Name ORIGIN = Name.fromConstantString("community.rpz.");
  static final String[] ZONE_NAMES = {
    "evil.example", "a.b.example", "bad.test", "phish.example.org", "c2.example.net",
    "malware.example.com", "x.y.z.example", "tracker.example", "scam.example.co", "dga.example"
  };

  static final TsigKey SHA256 = TsigTestKeys.key("xfr.example.", TsigAlgorithm.HMAC_SHA256, 1);
  static final TsigKey SHA512 = TsigTestKeys.key("k512.example.", TsigAlgorithm.HMAC_SHA512, 2);
  static final TsigKey SHA1 = TsigTestKeys.key("old.example.", TsigAlgorithm.HMAC_SHA1, 3);
  static final TsigKey SHA384 = TsigTestKeys.key("k384.example.", TsigAlgorithm.HMAC_SHA384, 4);

  /** The server's keyring. */
  static final List<TsigKey> KNOWN = List.of(SHA256, SHA512, SHA1, SHA384);

  private TsigFuzzSeeds() {}

  /**
   * Offset of the TSIG record dnsjava parsed: the first TSIG record of the additional section, as
   * far as the message holds complete records (dnsjava parses a message with TC set that far, and
   * stops at a TSIG record that is not the last). Negative ({@code -1 - offset}) when the header
   * counts records after it: a malformed request, which must never verify.
   */
  static int tsigOffset(byte[] wire) {
    int questions = u16(wire, 4);
    int before = u16(wire, 6) + u16(wire, 8);
    int records = before + u16(wire, 10);
    int pos = 12;
    for (int i = 0; i < questions; i++) {
      pos = skipName(wire, pos) + 4;
    }
    int last = pos;
    for (int i = 0; i < records && pos < wire.length; i++) {
      int start = pos;
      int type = skipName(wire, pos);
      if (type + 10 > wire.length) {
        break;
      }
      int end = type + 10 + u16(wire, type + 8);
      if (end > wire.length) {
        break;
      }
      last = start;
      if (i >= before && u16(wire, type) == Type.TSIG) {
        return i == records - 1 ? start : -1 - start;
      }
      pos = end;
    }
    return last;
  }

  private static int skipName(byte[] wire, int pos) {
    while (pos < wire.length) {
      int len = wire[pos] & 0xff;
      if (len == 0) {
        return pos + 1;
      }
      if ((len & 0xc0) == 0xc0) {
        return pos + 2;
      }
      pos += len + 1;
    }
    return wire.length;
  }

  private static int u16(byte[] wire, int pos) {
    return (wire[pos] & 0xff) << 8 | (wire[pos + 1] & 0xff);
  }

  static Map<String, byte[]> seeds() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put("soa-sha256", sign(query(1, Type.SOA), SHA256, SIGNED_AT));
    out.put("axfr-sha256", sign(query(2, Type.AXFR), SHA256, SIGNED_AT));
    out.put("ixfr-sha512", sign(ixfr(3, 5), SHA512, SIGNED_AT));
    out.put("axfr-sha1", sign(query(4, Type.AXFR), SHA1, SIGNED_AT));
    Message edns = query(5, Type.SOA);
    edns.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
    out.put("soa-edns-sha384", sign(edns, SHA384, SIGNED_AT));
    Message notify = query(6, Type.SOA);
    notify.getHeader().setOpcode(Opcode.NOTIFY);
    notify.getHeader().setFlag(Flags.AA);
    out.put("notify-sha256", sign(notify, SHA256, SIGNED_AT));
    out.put("axfr-badtime", sign(query(7, Type.AXFR), SHA256, SIGNED_AT.plusSeconds(3600)));
    out.put(
        "axfr-unknown-key",
        sign(
            query(8, Type.AXFR),
            TsigTestKeys.key("stranger.example.", TsigAlgorithm.HMAC_SHA256, 9),
            SIGNED_AT));
    out.put(
        "axfr-wrong-algorithm",
        sign(
            query(9, Type.AXFR),
            TsigTestKeys.key("xfr.example.", TsigAlgorithm.HMAC_SHA512, 1),
            SIGNED_AT));
    out.put(
        "axfr-wrong-secret",
        sign(
            query(10, Type.AXFR),
            TsigTestKeys.key("xfr.example.", TsigAlgorithm.HMAC_SHA256, 99),
            SIGNED_AT));
    out.put("soa-unsigned", query(11, Type.SOA).toWire());
    return out;
  }

  private static Message query(int id, int type) {
    Message m = new Message(id);
    m.addRecord(Record.newRecord(ORIGIN, type, DClass.IN), Section.QUESTION);
    return m;
  }

  private static Message ixfr(int id, long serial) {
    Message m = query(id, Type.IXFR);
    m.addRecord(
        new SOARecord(ORIGIN, DClass.IN, 0, ORIGIN, ORIGIN, serial, 0, 0, 0, 0), Section.AUTHORITY);
    return m;
  }

  private static byte[] sign(Message m, TsigKey key, Instant at) {
    TSIG tsig = key.toTsig(Clock.fixed(at, ZoneOffset.UTC));
    tsig.apply(m, null);
    return m.toWire();
  }
}
