package org.rpzx.dist.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/** A consumer of the zone, with dnsjava: SOA over UDP, AXFR and IXFR over TCP. */
final class ZoneClient {

  /** An IXFR's outcome applied to the view it started from, and how many RRs it carried. */
  record IxfrOutcome(ZoneView result, String kind, int records) {}

  private final Name origin;
  private final InetSocketAddress server;

  ZoneClient(String origin, InetSocketAddress server) {
    this.origin = Name.fromConstantString(origin);
    this.server = server;
  }

  String origin() {
    return origin.toString();
  }

  /** The serial in the server's SOA answer, or empty if it gave none within {@code timeout}. */
  OptionalLong soaSerial(Duration timeout) {
    try {
      SimpleResolver r = new SimpleResolver(server);
      r.setTimeout(timeout);
      Message answer = r.send(Message.newQuery(Record.newRecord(origin, Type.SOA, DClass.IN)));
      if (answer.getRcode() != Rcode.NOERROR) {
        return OptionalLong.empty();
      }
      for (Record rr : answer.getSection(Section.ANSWER)) {
        if (rr instanceof SOARecord soa) {
          return OptionalLong.of(soa.getSerial());
        }
      }
      return OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** A full transfer. */
  ZoneView axfr() throws IOException, ZoneTransferException {
    ZoneTransferIn xfr = ZoneTransferIn.newAXFR(origin, server, null);
    xfr.setTimeout(Duration.ofSeconds(30));
    xfr.run();
    return view(xfr.getAXFR());
  }

  /**
   * An IXFR from {@code from}'s serial, applied to {@code from}: the incremental answer's deltas,
   * or the full zone when the server answers in AXFR form, or {@code from} itself when current.
   */
  IxfrOutcome ixfr(ZoneView from) throws IOException, ZoneTransferException {
    ZoneTransferIn xfr = ZoneTransferIn.newIXFR(origin, from.serial(), false, server, null);
    xfr.setTimeout(Duration.ofSeconds(30));
    xfr.run();
    if (xfr.isCurrent()) {
      return new IxfrOutcome(from, "current", 1);
    }
    if (xfr.isAXFR()) {
      List<Record> all = xfr.getAXFR();
      return new IxfrOutcome(view(all), "axfr", all.size());
    }
    Set<String> owners = new HashSet<>(from.owners());
    long serial = from.serial();
    int records = 0;
    for (ZoneTransferIn.Delta d : xfr.getIXFR()) {
      if (d.start != serial) {
        throw new IllegalStateException(
            "IXFR delta starts at " + d.start + ", the client is at " + serial);
      }
      for (Record rr : d.deletes) {
        records++;
        if (rr.getType() == Type.CNAME && !owners.remove(owner(rr))) {
          throw new IllegalStateException("IXFR deletes " + rr + " that the client does not hold");
        }
      }
      for (Record rr : d.adds) {
        records++;
        if (rr.getType() == Type.CNAME && !owners.add(owner(rr))) {
          throw new IllegalStateException("IXFR adds " + rr + " that the client already holds");
        }
      }
      serial = d.end;
    }
    return new IxfrOutcome(new ZoneView(serial, owners), "ixfr", records);
  }

  private ZoneView view(List<Record> records) {
    if (records.size() < 2
        || !(records.get(0) instanceof SOARecord first)
        || !(records.get(records.size() - 1) instanceof SOARecord last)
        || first.getSerial() != last.getSerial()) {
      throw new IllegalStateException("AXFR not framed by equal SOAs: " + records.size() + " RRs");
    }
    Set<String> owners = new HashSet<>();
    for (Record rr : records.subList(1, records.size() - 1)) {
      if (rr.getType() == Type.CNAME) {
        if (!owners.add(owner(rr))) {
          throw new IllegalStateException("AXFR lists " + rr.getName() + " twice");
        }
      } else if (rr.getType() != Type.NS || !rr.getName().equals(origin)) {
        throw new IllegalStateException("unexpected record in the zone: " + rr);
      }
    }
    return new ZoneView(first.getSerial(), owners);
  }

  private static String owner(Record rr) {
    if (!((CNAMERecord) rr).getTarget().equals(Name.root)) {
      throw new IllegalStateException("policy record not CNAME .: " + rr);
    }
    return rr.getName().toString().toLowerCase(java.util.Locale.ROOT);
  }
}
