package org.rpzx.dns.query;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.rpzx.core.zone.JournalQuery;
import org.rpzx.core.zone.NameMatch;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneSnapshot;
import org.rpzx.core.zone.ZoneView;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.access.TransferDecision;
import org.rpzx.dns.access.TransferRequest;
import org.rpzx.dns.query.TransferEvent.Kind;
import org.rpzx.dns.wire.AxfrStream;
import org.rpzx.dns.wire.ChangeCondenser;
import org.rpzx.dns.wire.IxfrStream;
import org.rpzx.dns.wire.ZoneMessageWriter;
import org.rpzx.dns.wire.ZoneWire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/**
 * Answers one DNS query for the zone, the same way over UDP and TCP. Thread-safe: it reads the
 * current snapshot once per query and keeps no per-query state.
 */
public final class QueryProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(QueryProcessor.class);
  private static final int MIN_UDP = 512;
  private static final int TCP_LIMIT = 65535;
  private static final int FLAG_QR = 0x8000;
  private static final int FLAG_AA = 0x0400;
  private static final int FLAG_RD = 0x0100;

  private final ZoneView zone;
  private final TransferAuthorizer authorizer;
  private final TransferLog log;
  private final int maxUdpPayload;
  private final int transferMessageBytes;

  /**
   * @param maxUdpPayload largest UDP response and the EDNS payload size advertised (512..65535)
   * @param transferMessageBytes size of one AXFR/IXFR message over TCP (512..65535)
   */
  public QueryProcessor(
      ZoneView zone,
      TransferAuthorizer authorizer,
      TransferLog log,
      int maxUdpPayload,
      int transferMessageBytes) {
    if (maxUdpPayload < MIN_UDP || maxUdpPayload > 65535) {
      throw new IllegalArgumentException("max UDP payload out of range: " + maxUdpPayload);
    }
    if (transferMessageBytes < MIN_UDP || transferMessageBytes > 65535) {
      throw new IllegalArgumentException("transfer message size out of range");
    }
    this.zone = zone;
    this.authorizer = authorizer;
    this.log = log;
    this.maxUdpPayload = maxUdpPayload;
    this.transferMessageBytes = transferMessageBytes;
  }

  /**
   * Processes one query.
   *
   * @param wire the query message (without TCP length)
   * @param client source address, for transfer access control
   * @param tcp whether it arrived over TCP (streams and 64 KiB answers are allowed)
   */
  public Reply process(byte[] wire, InetAddress client, boolean tcp) {
    if (wire.length < Header.LENGTH) {
      return new Reply.Drop("shorter than a DNS header");
    }
    if ((wire[2] & 0x80) != 0) {
      return new Reply.Drop("a response, not a query");
    }
    Message query;
    try {
      query = new Message(wire);
    } catch (IOException | RuntimeException e) {
      return new Reply.Message(headerOnly(wire, Rcode.FORMERR));
    }
    try {
      return answer(query, client, tcp);
    } catch (RuntimeException e) {
      LOG.warn("failed to answer a query, sending SERVFAIL", e);
      return error(query, Rcode.SERVFAIL, tcp);
    }
  }

  private Reply answer(Message query, InetAddress client, boolean tcp) {
    int opcode = query.getHeader().getOpcode();
    if (opcode == Opcode.NOTIFY) {
      return error(query, Rcode.REFUSED, tcp); // a primary takes no NOTIFY
    }
    if (opcode != Opcode.QUERY) {
      return error(query, Rcode.NOTIMP, tcp);
    }
    List<Record> questions = query.getSection(Section.QUESTION);
    if (questions.size() != 1) {
      return error(query, Rcode.FORMERR, tcp);
    }
    OPTRecord opt = query.getOPT();
    if (opt != null && opt.getVersion() != 0) {
      return badVersion(query);
    }
    Record question = questions.get(0);
    int qclass = question.getDClass();
    ZoneSnapshot snapshot = zone.current();
    ZoneSettings settings = snapshot.settings();
    Name origin = ZoneRecords.origin(settings);
    Name qname = question.getName().canonicalize();
    if ((qclass != DClass.IN && qclass != DClass.ANY) || !qname.subdomain(origin)) {
      return error(query, Rcode.REFUSED, tcp);
    }
    int qtype = question.getType();
    if (qtype == Type.AXFR || qtype == Type.IXFR) {
      return transfer(query, question, qname.equals(origin), snapshot, client, tcp);
    }
    Message response = newResponse(query, true);
    NameMatch match = OrdinaryAnswerer.answer(response, question, qname, snapshot);
    if (match == NameMatch.APEX && qtype == Type.SOA) {
      log.record(new TransferEvent(client, null, Kind.SOA_QUERY, snapshot.serial()));
    }
    int limit = tcp ? TCP_LIMIT : udpLimit(opt);
    return new Reply.Message(response.toWire(limit));
  }

  private Reply transfer(
      Message query,
      Record question,
      boolean atApex,
      ZoneSnapshot snapshot,
      InetAddress client,
      boolean tcp) {
    int qtype = question.getType();
    if (!atApex || question.getDClass() != DClass.IN || (qtype == Type.AXFR && !tcp)) {
      return error(query, Rcode.REFUSED, tcp);
    }
    TSIGRecord tsig = query.getTSIG();
    TransferRequest request =
        new TransferRequest(client, qtype, tcp, tsig == null ? null : tsig.getName().toString());
    TransferDecision decision = authorizer.authorize(request);
    if (decision instanceof TransferDecision.Refused refused) {
      LOG.info("transfer refused: {}", refused.reason());
      log.record(new TransferEvent(client, null, Kind.REFUSED, snapshot.serial()));
      return error(query, Rcode.REFUSED, tcp);
    }
    String consumer = ((TransferDecision.Allowed) decision).consumer();
    OPTRecord opt = query.getOPT();
    int id = query.getHeader().getID();
    int flags = FLAG_QR | FLAG_AA | (query.getHeader().getFlag(Flags.RD) ? FLAG_RD : 0);
    byte[] qwire = question.getName().toWire();
    int optPayload = opt == null ? 0 : maxUdpPayload;
    if (qtype == Type.AXFR) {
      log.record(new TransferEvent(client, consumer, Kind.AXFR, snapshot.serial()));
      return new Reply.Stream(
          new AxfrStream(
              snapshot,
              id,
              flags,
              qwire,
              ZoneMessageWriter.TYPE_AXFR,
              optPayload,
              transferMessageBytes,
              true));
    }
    SOARecord clientSoa = clientSoa(query);
    if (clientSoa == null) {
      return error(query, Rcode.FORMERR, tcp);
    }
    ZoneSettings settings = snapshot.settings();
    JournalQuery journal = zone.changesSince(clientSoa.getSerial());
    if (journal instanceof JournalQuery.Changes changes && !changes.changeSets().isEmpty()) {
      var changeSets = ChangeCondenser.condense(changes.changeSets());
      long newest = changeSets.get(changeSets.size() - 1).toSerial();
      log.record(new TransferEvent(client, consumer, Kind.IXFR_INCREMENTAL, newest));
      if (tcp) {
        return new Reply.Stream(
            new IxfrStream(
                settings, changeSets, id, flags, qwire, optPayload, transferMessageBytes, true));
      }
      IxfrStream udp =
          new IxfrStream(settings, changeSets, id, flags, qwire, optPayload, udpLimit(opt), false);
      int length = udp.encodeSingle();
      if (length >= 0) {
        return new Reply.Message(Arrays.copyOf(udp.buffer(), length));
      }
      return soaOnly(settings, newest, id, flags, qwire, optPayload); // client retries over TCP
    }
    if (journal instanceof JournalQuery.UpToDate upToDate) {
      log.record(
          new TransferEvent(client, consumer, Kind.IXFR_UP_TO_DATE, upToDate.currentSerial()));
      return soaOnly(settings, upToDate.currentSerial(), id, flags, qwire, optPayload);
    }
    // too old for the journal (or an empty change list): the full zone in AXFR form
    if (!tcp) {
      return soaOnly(settings, snapshot.serial(), id, flags, qwire, optPayload);
    }
    log.record(new TransferEvent(client, consumer, Kind.IXFR_FULL, snapshot.serial()));
    return new Reply.Stream(
        new AxfrStream(
            snapshot,
            id,
            flags,
            qwire,
            ZoneMessageWriter.TYPE_IXFR,
            optPayload,
            transferMessageBytes,
            true));
  }

  private static SOARecord clientSoa(Message query) {
    for (Record r : query.getSection(Section.AUTHORITY)) {
      if (r instanceof SOARecord soa) {
        return soa;
      }
    }
    return null;
  }

  private static Reply soaOnly(
      ZoneSettings settings, long serial, int id, int flags, byte[] qwire, int optPayload) {
    ZoneMessageWriter writer = new ZoneMessageWriter(ZoneWire.of(settings), 1024, false);
    writer.begin(id, flags, qwire, ZoneMessageWriter.TYPE_IXFR, optPayload);
    writer.writeSoa(serial);
    int length = writer.finish();
    return new Reply.Message(Arrays.copyOf(writer.buffer(), length));
  }

  private int udpLimit(OPTRecord opt) {
    if (opt == null) {
      return MIN_UDP;
    }
    return Math.max(MIN_UDP, Math.min(opt.getPayloadSize(), maxUdpPayload));
  }

  private Message newResponse(Message query, boolean authoritative) {
    Header qh = query.getHeader();
    Message response = new Message(qh.getID());
    Header h = response.getHeader();
    h.setFlag(Flags.QR);
    if (authoritative) {
      h.setFlag(Flags.AA);
    }
    if (qh.getFlag(Flags.RD)) {
      h.setFlag(Flags.RD);
    }
    h.setOpcode(qh.getOpcode());
    for (Record q : query.getSection(Section.QUESTION)) {
      response.addRecord(q, Section.QUESTION);
    }
    if (query.getOPT() != null) {
      response.addRecord(new OPTRecord(maxUdpPayload, 0, 0), Section.ADDITIONAL);
    }
    return response;
  }

  private Reply error(Message query, int rcode, boolean tcp) {
    Message response = newResponse(query, false);
    if (query.getSection(Section.QUESTION).size() > 1) {
      response.removeAllRecords(Section.QUESTION);
    }
    response.getHeader().setRcode(rcode);
    return new Reply.Message(response.toWire(tcp ? TCP_LIMIT : MIN_UDP));
  }

  private Reply badVersion(Message query) {
    Message response = newResponse(query, false);
    response.removeAllRecords(Section.ADDITIONAL);
    // BADVERS (16): the upper 8 bits of the 12-bit rcode live in the OPT record (RFC 6891 §6.1.3)
    response.addRecord(new OPTRecord(maxUdpPayload, Rcode.BADVERS >>> 4, 0), Section.ADDITIONAL);
    return new Reply.Message(response.toWire(MIN_UDP));
  }

  /** A bare header answer for a message whose body cannot be parsed. */
  private static byte[] headerOnly(byte[] query, int rcode) {
    byte[] h = new byte[Header.LENGTH];
    h[0] = query[0];
    h[1] = query[1];
    // QR, the query's opcode and RD; everything else clear
    h[2] = (byte) (0x80 | (query[2] & 0x79));
    h[3] = (byte) (rcode & 0x0f);
    return h;
  }
}
