package org.rpzx.dns.query;

import java.util.List;
import org.rpzx.core.zone.ZoneSettings;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;

/** dnsjava records of the zone for ordinary (non-transfer) answers. */
final class ZoneRecords {

  private ZoneRecords() {}

  static Name origin(ZoneSettings s) {
    return Name.fromConstantString(s.origin());
  }

  static SOARecord soa(ZoneSettings s, long serial, long ttl) {
    return new SOARecord(
        origin(s),
        DClass.IN,
        ttl,
        Name.fromConstantString(s.primaryNs()),
        Name.fromConstantString(s.hostmaster()),
        serial,
        s.refresh(),
        s.retry(),
        s.expire(),
        s.minimum());
  }

  /** The SOA for the authority section of negative answers (RFC 2308 §3: TTL = min(TTL, MIN)). */
  static SOARecord negativeSoa(ZoneSettings s, long serial) {
    return soa(s, serial, Math.min(s.ttl(), s.minimum()));
  }

  static List<NSRecord> ns(ZoneSettings s) {
    Name origin = origin(s);
    return s.nameServers().stream()
        .map(n -> new NSRecord(origin, DClass.IN, s.ttl(), Name.fromConstantString(n)))
        .toList();
  }

  static CNAMERecord cnameDot(Name owner, ZoneSettings s) {
    return new CNAMERecord(owner, DClass.IN, s.ttl(), Name.root);
  }
}
