package org.rpzx.dns.query;

import java.nio.charset.StandardCharsets;
import org.rpzx.core.zone.NameMatch;
import org.rpzx.core.zone.ZoneSnapshot;
import org.xbill.DNS.Name;

/**
 * Maps a query name inside the zone to a {@link NameMatch}. Labels that no zone name can contain
 * (octets other than letters, digits, hyphen, underscore; or a {@code *} inside a label) are not
 * handed to the snapshot: such a name can only be synthesised from a wildcard above it.
 */
final class QueryNames {

  private QueryNames() {}

  /**
   * @param qname lower-case query name, a subdomain of {@code origin}
   */
  static NameMatch classify(ZoneSnapshot snapshot, Name qname, Name origin) {
    int extra = qname.labels() - origin.labels();
    if (extra <= 0) {
      return NameMatch.APEX;
    }
    int rightmostOdd = -1;
    for (int i = 0; i < extra; i++) {
      if (!plainLabel(qname.getLabel(i))) {
        rightmostOdd = i;
      }
    }
    if (rightmostOdd < 0) {
      return snapshot.match(join(qname, 0, extra));
    }
    if (rightmostOdd == extra - 1) {
      return NameMatch.NX_DOMAIN; // directly below the apex, which has no wildcard
    }
    NameMatch above = snapshot.match(join(qname, rightmostOdd + 1, extra));
    return above == NameMatch.NAME || above == NameMatch.WILDCARD_MATCH
        ? NameMatch.WILDCARD_MATCH
        : NameMatch.NX_DOMAIN;
  }

  private static boolean plainLabel(byte[] label) {
    int len = label[0] & 0xff;
    if (len == 1 && label[1] == '*') {
      return true;
    }
    for (int i = 1; i <= len; i++) {
      int c = label[i] & 0xff;
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String join(Name name, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      byte[] label = name.getLabel(i);
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(new String(label, 1, label[0] & 0xff, StandardCharsets.US_ASCII));
    }
    return sb.toString();
  }
}
