package org.rpzx.dns.notify;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.rpzx.core.zone.ZoneSettings;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** NOTIFY messages (RFC 1996 §3.7) and matching of their answers. */
final class NotifyMessages {

  private NotifyMessages() {}

  /** Opcode NOTIFY, AA, question {@code <origin> SOA}, the new SOA as answer (a hint). */
  static Message notify(int id, ZoneSettings s, long serial) {
    Name origin = Name.fromConstantString(s.origin());
    Message m = new Message(id);
    m.getHeader().setOpcode(Opcode.NOTIFY);
    m.getHeader().setFlag(Flags.AA);
    m.addRecord(Record.newRecord(origin, Type.SOA, DClass.IN), Section.QUESTION);
    m.addRecord(
        new SOARecord(
            origin,
            DClass.IN,
            s.ttl(),
            Name.fromConstantString(s.primaryNs()),
            Name.fromConstantString(s.hostmaster()),
            serial,
            s.refresh(),
            s.retry(),
            s.expire(),
            s.minimum()),
        Section.ANSWER);
    return m;
  }

  /** Whether an answer with this header belongs to a NOTIFY with {@code id}. */
  static boolean answers(Message response, int id) {
    return response.getHeader().getID() == id
        && response.getHeader().getFlag(Flags.QR)
        && response.getHeader().getOpcode() == Opcode.NOTIFY;
  }

  /** Same port and address, an IPv4-mapped IPv6 address equal to its IPv4 address. */
  static boolean sameEndpoint(InetSocketAddress a, InetSocketAddress b) {
    return a.getPort() == b.getPort()
        && Arrays.equals(plain(a.getAddress()), plain(b.getAddress()));
  }

  private static byte[] plain(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length == 16) {
      for (int i = 0; i < 10; i++) {
        if (a[i] != 0) {
          return a;
        }
      }
      if (a[10] == (byte) 0xff && a[11] == (byte) 0xff) {
        return Arrays.copyOfRange(a, 12, 16);
      }
    }
    return a;
  }
}
