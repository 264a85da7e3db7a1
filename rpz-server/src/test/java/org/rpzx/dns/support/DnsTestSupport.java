package org.rpzx.dns.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Helpers to build queries and read answers with dnsjava (an independent implementation). */
public final class DnsTestSupport {

  public static final Name ORIGIN = Name.fromConstantString("community.rpz.");

  private DnsTestSupport() {}

  public static Name name(String text) {
    return Name.fromConstantString(text);
  }

  public static Message query(String name, int type) {
    return Message.newQuery(Record.newRecord(name(name), type, DClass.IN));
  }

  public static Message ednsQuery(String name, int type, int payload) {
    Message m = query(name, type);
    m.addRecord(new OPTRecord(payload, 0, 0), Section.ADDITIONAL);
    return m;
  }

  /** An IXFR query from a client holding {@code serial}. */
  public static Message ixfrQuery(long serial) {
    Message m = query(ORIGIN.toString(), Type.IXFR);
    m.addRecord(
        new SOARecord(ORIGIN, DClass.IN, 0, name("ns."), name("h."), serial, 0, 0, 0, 0),
        Section.AUTHORITY);
    return m;
  }

  public static Message parse(byte[] wire) {
    try {
      return new Message(wire);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Strips the two-byte TCP length after checking it. */
  public static byte[] unframe(byte[] framed) {
    int len = ((framed[0] & 0xff) << 8) | (framed[1] & 0xff);
    if (len != framed.length - 2) {
      throw new IllegalStateException("TCP length " + len + " but " + (framed.length - 2));
    }
    return Arrays.copyOfRange(framed, 2, framed.length);
  }

  public static List<Record> answers(Message m) {
    return m.getSection(Section.ANSWER);
  }
}
