package org.rpzx.dns.query;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.rpzx.core.zone.ChangeJournal;
import org.rpzx.core.zone.ChangeSet;
import org.rpzx.core.zone.JournalQuery;
import org.rpzx.core.zone.Serial;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneSnapshot;
import org.rpzx.core.zone.ZoneView;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.access.TransferDecision;
import org.rpzx.dns.access.TransferRequest;
import org.rpzx.dns.query.TransferEvent.Kind;
import org.rpzx.dns.tsig.TsigCheck;
import org.rpzx.dns.tsig.TsigResponses;
import org.rpzx.dns.wire.AxfrStream;
import org.rpzx.dns.wire.IxfrStream;
import org.rpzx.dns.wire.ResponseStream;
import org.rpzx.dns.wire.ZoneMessageWriter;
import org.rpzx.dns.wire.ZoneWire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * AXFR and IXFR: access decision, then the hand-encoded answer (a stream over TCP, one message over
 * UDP), signed message by message when the request's TSIG was verified.
 */
final class TransferAnswerer {

  private static final Logger LOG = LoggerFactory.getLogger(TransferAnswerer.class);
  private static final int FLAG_QR = 0x8000;
  private static final int FLAG_AA = 0x0400;
  private static final int FLAG_RD = 0x0100;
  private static final int SOA_ONLY_BYTES = 1024;

  private final ZoneView zone;
  private final TransferAuthorizer authorizer;
  private final TransferLog log;
  private final QueryProcessor errors;
  private final int maxUdpPayload;
  private final int transferMessageBytes;

  TransferAnswerer(
      ZoneView zone,
      TransferAuthorizer authorizer,
      TransferLog log,
      QueryProcessor errors,
      int maxUdpPayload,
      int transferMessageBytes) {
    this.zone = zone;
    this.authorizer = authorizer;
    this.log = log;
    this.errors = errors;
    this.maxUdpPayload = maxUdpPayload;
    this.transferMessageBytes = transferMessageBytes;
  }

  /** The parameters every message of one answer shares. */
  private record Frame(
      InetAddress client,
      String consumer,
      int id,
      int flags,
      byte[] qwire,
      int optPayload,
      TsigCheck tsig,
      long start) {}

  Reply transfer(
      Message query,
      Record question,
      boolean atApex,
      ZoneSnapshot snapshot,
      InetAddress client,
      boolean tcp,
      TsigCheck tsig,
      long start) {
    int qtype = question.getType();
    if (!atApex || question.getDClass() != DClass.IN || (qtype == Type.AXFR && !tcp)) {
      return errors.error(query, Rcode.REFUSED, tcp, tsig);
    }
    TransferRequest request =
        new TransferRequest(client, qtype, tcp, QueryProcessor.verifiedKey(tsig));
    TransferDecision decision = authorizer.authorize(request);
    if (decision instanceof TransferDecision.Refused refused) {
      LOG.info("transfer refused: {}", refused.reason());
      Reply reply = errors.error(query, Rcode.REFUSED, tcp, tsig);
      recordNow(client, null, Kind.REFUSED, snapshot.serial(), reply, tcp, start);
      return reply;
    }
    OPTRecord opt = query.getOPT();
    Frame f =
        new Frame(
            client,
            ((TransferDecision.Allowed) decision).consumer(),
            query.getHeader().getID(),
            FLAG_QR | FLAG_AA | (query.getHeader().getFlag(Flags.RD) ? FLAG_RD : 0),
            question.getName().toWire(),
            opt == null ? 0 : maxUdpPayload,
            tsig,
            start);
    if (qtype == Type.AXFR) {
      return full(snapshot, f, Kind.AXFR, ZoneMessageWriter.TYPE_AXFR);
    }
    SOARecord clientSoa = clientSoa(query);
    if (clientSoa == null || !clientSoa.getName().equals(question.getName())) {
      // RFC 1995 §3: the authority section holds the client's SOA of the zone asked for
      return errors.error(query, Rcode.FORMERR, tcp, tsig);
    }
    ZoneSettings settings = snapshot.settings();
    JournalQuery journal = zone.changesSince(clientSoa.getSerial());
    if (journal instanceof JournalQuery.Changes changes && !changes.changeSets().isEmpty()) {
      List<ChangeSet> changeSets = condensed(changes.changeSets());
      long newest = changeSets.get(changeSets.size() - 1).toSerial();
      if (tcp) {
        IxfrStream s =
            new IxfrStream(
                settings,
                changeSets,
                f.id(),
                f.flags(),
                f.qwire(),
                f.optPayload(),
                transferMessageBytes,
                true,
                TsigResponses.signer(tsig));
        return metered(s, f, Kind.IXFR_INCREMENTAL, newest);
      }
      IxfrStream udp =
          new IxfrStream(
              settings,
              changeSets,
              f.id(),
              f.flags(),
              f.qwire(),
              f.optPayload(),
              errors.udpLimit(opt),
              false,
              TsigResponses.signer(tsig));
      int length = udp.encodeSingle();
      if (length >= 0) {
        Reply reply = new Reply.Message(Arrays.copyOf(udp.buffer(), length));
        recordNow(client, f.consumer(), Kind.IXFR_INCREMENTAL, newest, reply, false, start);
        return reply;
      }
      // does not fit: the current SOA only, so the client retries over TCP (RFC 1995 §2)
      return soaOnly(settings, newest, f, Kind.IXFR_INCREMENTAL, false);
    }
    if (journal instanceof JournalQuery.UpToDate upToDate) {
      return soaOnly(settings, upToDate.currentSerial(), f, Kind.IXFR_UP_TO_DATE, tcp);
    }
    // too old for the journal (or an empty change list): the full zone in AXFR form
    if (!tcp) {
      return soaOnly(settings, snapshot.serial(), f, Kind.IXFR_FULL, false);
    }
    return full(snapshot, f, Kind.IXFR_FULL, ZoneMessageWriter.TYPE_IXFR);
  }

  private Reply full(ZoneSnapshot snapshot, Frame f, Kind kind, int qtype) {
    AxfrStream s =
        new AxfrStream(
            snapshot,
            f.id(),
            f.flags(),
            f.qwire(),
            qtype,
            f.optPayload(),
            transferMessageBytes,
            true,
            TsigResponses.signer(f.tsig()));
    return metered(s, f, kind, snapshot.serial());
  }

  private Reply metered(ResponseStream s, Frame f, Kind kind, long serial) {
    return new Reply.Stream(
        new MeteredStream(s, log, f.client(), f.consumer(), kind, serial, f.start()));
  }

  private Reply soaOnly(ZoneSettings settings, long serial, Frame f, Kind kind, boolean tcp) {
    ZoneMessageWriter writer =
        new ZoneMessageWriter(
            ZoneWire.of(settings), SOA_ONLY_BYTES, false, TsigResponses.signer(f.tsig()));
    writer.begin(f.id(), f.flags(), f.qwire(), ZoneMessageWriter.TYPE_IXFR, f.optPayload());
    writer.writeSoa(serial);
    int length = writer.finish();
    Reply reply = new Reply.Message(Arrays.copyOf(writer.buffer(), length));
    recordNow(f.client(), f.consumer(), kind, serial, reply, tcp, f.start());
    return reply;
  }

  private void recordNow(
      InetAddress client, String consumer, Kind kind, long serial, Reply r, boolean tcp, long t) {
    long bytes = ((Reply.Message) r).wire().length + (tcp ? 2 : 0);
    log.record(
        new TransferEvent(client, consumer, kind, serial, bytes, QueryProcessor.since(t), true));
  }

  /**
   * The chain as one difference (RFC 1995 §5), unless its serial range is 2^31 or more, which RFC
   * 1982 cannot order: then change set by change set.
   */
  static List<ChangeSet> condensed(List<ChangeSet> chain) {
    long from = chain.get(0).fromSerial();
    long to = chain.get(chain.size() - 1).toSerial();
    if (chain.size() < 2 || !Serial.isNewer(to, from)) {
      return chain;
    }
    return List.of(ChangeJournal.condense(chain));
  }

  private static SOARecord clientSoa(Message query) {
    for (Record r : query.getSection(Section.AUTHORITY)) {
      if (r instanceof SOARecord soa) {
        return soa;
      }
    }
    return null;
  }
}
