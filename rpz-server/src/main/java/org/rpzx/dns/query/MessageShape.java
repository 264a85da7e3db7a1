package org.rpzx.dns.query;

import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Where the meta records may stand in a query, which dnsjava's parser does not check: at most one
 * OPT, owned by the root, in the additional section (RFC 6891 §6.1.1–6.1.2); a TSIG only as the
 * last additional record (RFC 8945 §5.1, otherwise dnsjava treats the message as unsigned); and
 * neither as the question's type. The header must also count exactly the records the message holds:
 * with TC set, dnsjava keeps the records it could read and resets the counts, so a query claiming
 * records it does not carry (or a TSIG "followed" by them) would otherwise be answered. A query
 * that breaks one of these is answered FORMERR.
 */
final class MessageShape {

  private MessageShape() {}

  /**
   * Why {@code query} is malformed, or null if its counts hold and its meta records stand where
   * they may.
   *
   * @param wire the query as received, whose header {@code query} was parsed from
   */
  static String problem(Message query, byte[] wire) {
    for (int section = Section.QUESTION; section <= Section.ADDITIONAL; section++) {
      int counted = (wire[4 + 2 * section] & 0xff) << 8 | (wire[5 + 2 * section] & 0xff);
      int held = query.getSection(section).size();
      if (counted != held) {
        return "header counts "
            + counted
            + " "
            + Section.longString(section).toLowerCase(java.util.Locale.ROOT)
            + " records, "
            + held
            + " present";
      }
    }
    for (Record q : query.getSection(Section.QUESTION)) {
      if (q.getType() == Type.OPT || q.getType() == Type.TSIG) {
        return "meta type " + Type.string(q.getType()) + " as the question";
      }
    }
    for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
      for (Record r : query.getSection(section)) {
        if (r.getType() == Type.OPT || r.getType() == Type.TSIG) {
          return Type.string(r.getType()) + " outside the additional section";
        }
      }
    }
    List<Record> additional = query.getSection(Section.ADDITIONAL);
    int opts = 0;
    for (int i = 0; i < additional.size(); i++) {
      Record r = additional.get(i);
      if (r.getType() == Type.OPT) {
        opts++;
        if (!r.getName().equals(Name.root)) {
          return "OPT owner is not the root";
        }
      } else if (r.getType() == Type.TSIG && i != additional.size() - 1) {
        return "TSIG is not the last record";
      }
    }
    return opts > 1 ? "more than one OPT" : null;
  }
}
