package org.rpzx.dns.query;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.rpzx.core.zone.NameMatch;
import org.rpzx.core.zone.ZoneSnapshot;
import org.rpzx.core.zone.ZoneView;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.access.TransferRequest;
import org.rpzx.dns.query.TransferEvent.Kind;
import org.rpzx.dns.tsig.TsigCheck;
import org.rpzx.dns.tsig.TsigKeyring;
import org.rpzx.dns.tsig.TsigResponses;
import org.rpzx.dns.tsig.TsigVerifier;
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
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Answers one DNS query for the zone, the same way over UDP and TCP. A signed query's TSIG is
 * verified first (failure: NOTAUTH, RFC 8945 §5.2) and every answer to a verified query is signed.
 * Thread-safe: it reads the current snapshot once per query and keeps no per-query state.
 */
public final class QueryProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(QueryProcessor.class);
  static final int MIN_UDP = 512;
  static final int TCP_LIMIT = 65535;

  private final ZoneView zone;
  private final TransferAuthorizer authorizer;
  private final TransferLog log;
  private final TsigVerifier verifier;
  private final Clock clock;
  private final int maxUdpPayload;
  private final TransferAnswerer transfers;
  private final FastAnswerer fast;

  /** A processor without TSIG keys (every signed query is answered NOTAUTH/BADKEY). */
  public QueryProcessor(
      ZoneView zone,
      TransferAuthorizer authorizer,
      TransferLog log,
      int maxUdpPayload,
      int transferMessageBytes) {
    this(
        zone,
        authorizer,
        log,
        TsigKeyring.NONE,
        Clock.systemUTC(),
        maxUdpPayload,
        transferMessageBytes);
  }

  /**
   * @param keyring TSIG keys for verifying and signing
   * @param clock time for TSIG (time signed, BADTIME checks)
   * @param maxUdpPayload largest UDP response and the EDNS payload size advertised (512..65535)
   * @param transferMessageBytes size of one AXFR/IXFR message over TCP (512..65535)
   */
  public QueryProcessor(
      ZoneView zone,
      TransferAuthorizer authorizer,
      TransferLog log,
      TsigKeyring keyring,
      Clock clock,
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
    this.verifier = new TsigVerifier(keyring, clock);
    this.clock = clock;
    this.maxUdpPayload = maxUdpPayload;
    this.transfers =
        new TransferAnswerer(zone, authorizer, log, this, maxUdpPayload, transferMessageBytes);
    this.fast = new FastAnswerer(zone, this, maxUdpPayload);
  }

  /**
   * Processes one query.
   *
   * @param wire the query message (without TCP length)
   * @param client source address, for transfer access control
   * @param tcp whether it arrived over TCP (streams and 64 KiB answers are allowed)
   */
  public Reply process(byte[] wire, InetAddress client, boolean tcp) {
    long start = System.nanoTime();
    byte[] quick = fast.answer(wire, wire.length, client, tcp, start);
    if (quick != null) {
      return new Reply.Message(quick);
    }
    return general(wire, client, tcp, start);
  }

  /**
   * Processes one query with dnsjava only, without the precomputed answers of {@link FastAnswerer}:
   * the reference the fast path is tested and benchmarked against.
   */
  public Reply processGeneral(byte[] wire, InetAddress client, boolean tcp) {
    return general(wire, client, tcp, System.nanoTime());
  }

  private Reply general(byte[] wire, InetAddress client, boolean tcp, long start) {
    if (wire.length < Header.LENGTH) {
      return new Reply.Drop("shorter than a DNS header");
    }
    if ((wire[2] & 0x80) != 0) {
      return new Reply.Drop("a response, not a query");
    }
    Message query;
    ByteBuffer in = ByteBuffer.wrap(wire);
    try {
      query = new Message(in);
    } catch (IOException | RuntimeException e) {
      return new Reply.Message(headerOnly(wire, Rcode.FORMERR));
    }
    if (in.hasRemaining() || MessageShape.problem(query, wire) != null) {
      // trailing bytes, counts without records, misplaced OPT/TSIG: malformed, and any TSIG in it
      // is not trusted
      return error(query, Rcode.FORMERR, tcp, TsigCheck.UNSIGNED);
    }
    TsigCheck tsig;
    try {
      tsig = verifier.check(query, wire);
    } catch (RuntimeException e) {
      LOG.debug("TSIG verification failed with an exception", e);
      return error(query, Rcode.FORMERR, tcp, TsigCheck.UNSIGNED);
    }
    if (tsig instanceof TsigCheck.Failed failed) {
      LOG.info(
          "TSIG {} from {} (key {})",
          Rcode.TSIGstring(failed.error()),
          client.getHostAddress(),
          failed.request().getName());
      return error(query, Rcode.NOTAUTH, tcp, tsig);
    }
    try {
      return answer(query, wire, tsig, client, tcp, start);
    } catch (RuntimeException e) {
      LOG.warn("failed to answer a query, sending SERVFAIL", e);
      return error(query, Rcode.SERVFAIL, tcp, tsig);
    }
  }

  private Reply answer(
      Message query, byte[] wire, TsigCheck tsig, InetAddress client, boolean tcp, long start) {
    int opcode = query.getHeader().getOpcode();
    if (opcode == Opcode.NOTIFY) {
      return error(query, Rcode.REFUSED, tcp, tsig); // a primary takes no NOTIFY
    }
    if (opcode != Opcode.QUERY) {
      return error(query, Rcode.NOTIMP, tcp, tsig);
    }
    List<Record> questions = query.getSection(Section.QUESTION);
    if (questions.size() != 1) {
      return error(query, Rcode.FORMERR, tcp, tsig);
    }
    OPTRecord opt = query.getOPT();
    if (opt != null && opt.getVersion() != 0) {
      return badVersion(query, tsig);
    }
    Record question = questions.get(0);
    int qclass = question.getDClass();
    ZoneSnapshot snapshot = zone.current();
    Name origin = fast.origin(snapshot);
    Name qname = question.getName().canonicalize();
    if ((qclass != DClass.IN && qclass != DClass.ANY) || !qname.subdomain(origin)) {
      return error(query, Rcode.REFUSED, tcp, tsig);
    }
    int qtype = question.getType();
    if (qtype == Type.AXFR || qtype == Type.IXFR) {
      return transfers.transfer(
          query, question, qname.equals(origin), snapshot, client, tcp, tsig, start);
    }
    NameMatch match = QueryNames.classify(snapshot, qname, origin);
    Reply.Message reply =
        ordinary(query, question, match, snapshot, tsig, tcp ? TCP_LIMIT : udpLimit(opt));
    if (match == NameMatch.APEX && qtype == Type.SOA) {
      soaChecked(client, tcp, verifiedKey(tsig), snapshot.serial(), reply.wire().length, start);
    }
    return reply;
  }

  /** The authoritative answer to {@code question}, which matched the zone as {@code match}. */
  Reply.Message ordinary(
      Message query,
      Record question,
      NameMatch match,
      ZoneSnapshot snapshot,
      TsigCheck tsig,
      int limit) {
    Message response = newResponse(query, true);
    OrdinaryAnswerer.answer(response, question, match, snapshot);
    return render(response, tsig, limit);
  }

  /** Records an answered SOA query at the apex (a consumer checking the serial). */
  void soaChecked(
      InetAddress client,
      boolean tcp,
      Optional<Name> key,
      long serial,
      int messageBytes,
      long start) {
    String consumer = authorizer.recognise(new TransferRequest(client, Type.SOA, tcp, key));
    long bytes = messageBytes + (tcp ? 2 : 0);
    log.record(
        new TransferEvent(client, consumer, Kind.SOA_QUERY, serial, bytes, since(start), true));
  }

  static Optional<Name> verifiedKey(TsigCheck tsig) {
    return tsig instanceof TsigCheck.Verified v ? Optional.of(v.keyName()) : Optional.empty();
  }

  static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  int udpLimit(OPTRecord opt) {
    if (opt == null) {
      return MIN_UDP;
    }
    return Math.max(MIN_UDP, Math.min(opt.getPayloadSize(), maxUdpPayload));
  }

  /** Renders {@code response}, signed or with the TSIG error as {@code tsig} demands. */
  private Reply.Message render(Message response, TsigCheck tsig, int limit) {
    return new Reply.Message(TsigResponses.render(response, tsig, clock, limit));
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

  /**
   * An answer with {@code rcode} and no records, signed or with the TSIG error per {@code tsig}.
   */
  Reply error(Message query, int rcode, boolean tcp, TsigCheck tsig) {
    Message response = newResponse(query, false);
    if (query.getSection(Section.QUESTION).size() > 1) {
      response.removeAllRecords(Section.QUESTION);
    }
    response.getHeader().setRcode(rcode);
    return render(response, tsig, tcp ? TCP_LIMIT : MIN_UDP);
  }

  private Reply badVersion(Message query, TsigCheck tsig) {
    Message response = newResponse(query, false);
    response.removeAllRecords(Section.ADDITIONAL);
    // BADVERS (16): the upper 8 bits of the 12-bit rcode live in the OPT record (RFC 6891 §6.1.3)
    response.addRecord(new OPTRecord(maxUdpPayload, Rcode.BADVERS >>> 4, 0), Section.ADDITIONAL);
    return render(response, tsig, MIN_UDP);
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
