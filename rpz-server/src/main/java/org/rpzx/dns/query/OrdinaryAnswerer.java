package org.rpzx.dns.query;

import org.rpzx.core.zone.NameMatch;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneSnapshot;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Authoritative answers for names inside the zone: SOA and NS at the apex, {@code CNAME .} for
 * every name, its {@code *.} owner and what that wildcard covers, NODATA and NXDOMAIN with the SOA
 * in the authority section.
 */
final class OrdinaryAnswerer {

  private OrdinaryAnswerer() {}

  /**
   * Fills {@code response} (which already holds header and question) for a question whose name
   * matched the zone as {@code match}.
   */
  static void answer(Message response, Record question, NameMatch match, ZoneSnapshot snapshot) {
    ZoneSettings s = snapshot.settings();
    int qtype = question.getType();
    switch (match) {
      case APEX -> {
        boolean any = qtype == Type.ANY;
        if (qtype == Type.SOA || any) {
          response.addRecord(ZoneRecords.soa(s, snapshot.serial(), s.ttl()), Section.ANSWER);
        }
        if (qtype == Type.NS || any) {
          for (NSRecord ns : ZoneRecords.ns(s)) {
            response.addRecord(ns, Section.ANSWER);
          }
        }
        if (!(qtype == Type.SOA || qtype == Type.NS || any)) {
          negative(response, s, snapshot.serial(), Rcode.NOERROR);
        }
      }
      case NAME, WILDCARD_OWNER, WILDCARD_MATCH ->
          // a CNAME answers every type at its owner (RFC 1034 §3.6.2); the wildcard is expanded
          // to the query name (RFC 4592 §3.3.1)
          response.addRecord(ZoneRecords.cnameDot(question.getName(), s), Section.ANSWER);
      case EMPTY_NON_TERMINAL -> negative(response, s, snapshot.serial(), Rcode.NOERROR);
      case NX_DOMAIN -> negative(response, s, snapshot.serial(), Rcode.NXDOMAIN);
    }
  }

  private static void negative(Message response, ZoneSettings s, long serial, int rcode) {
    response.getHeader().setRcode(rcode);
    response.addRecord(ZoneRecords.negativeSoa(s, serial), Section.AUTHORITY);
  }
}
