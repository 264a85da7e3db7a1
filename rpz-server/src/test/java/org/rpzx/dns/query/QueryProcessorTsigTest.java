package org.rpzx.dns.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.dns.support.DnsTestSupport.ednsQuery;
import static org.rpzx.dns.support.DnsTestSupport.parse;
import static org.rpzx.dns.support.DnsTestSupport.query;
import static org.rpzx.dns.support.TsigTestKeys.sign;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rpzx.dns.access.CidrMatcher;
import org.rpzx.dns.access.ConsumerDirectory;
import org.rpzx.dns.access.ConsumerInfo;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.support.TsigTestKeys;
import org.rpzx.dns.testzone.TestZone;
import org.rpzx.dns.tsig.TsigAlgorithm;
import org.rpzx.dns.tsig.TsigKey;
import org.rpzx.dns.tsig.TsigKeyring;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/** TSIG in the processor with a fixed server clock: verification outcomes and signed answers. */
class QueryProcessorTsigTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock SERVER = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();
  private static final TsigKey KEY = TsigTestKeys.key("k.example.", TsigAlgorithm.HMAC_SHA384, 3);

  private final QueryProcessor processor =
      new QueryProcessor(
          TestZone.of(5, "evil.example"),
          TransferAuthorizer.forConsumers(
              CidrMatcher.of(),
              ConsumerDirectory.of(
                  List.of(
                      new ConsumerInfo("c", "i", Optional.of(KEY.name()), List.of(), List.of())))),
          TransferLog.NONE,
          TsigKeyring.of(KEY),
          SERVER,
          1232,
          16_384);

  private static TSIG clientAt(Instant t) {
    return KEY.toTsig(Clock.fixed(t, ZoneOffset.UTC));
  }

  private byte[] answer(byte[] query, boolean tcp) {
    return ((Reply.Message) processor.process(query, LOCAL, tcp)).wire();
  }

  @Test
  void timeWithinTheFudgeIsAcceptedAndTheAnswerSigned() throws Exception {
    TSIG client = clientAt(NOW.minus(Duration.ofSeconds(299)));
    byte[] q = sign(query("community.rpz.", Type.SOA), client);
    Message a = parse(answer(q, false));
    assertThat(a.getRcode()).isEqualTo(Rcode.NOERROR);
    TSIGRecord t = a.getTSIG();
    assertThat(t.getTimeSigned()).isEqualTo(NOW);
    // verified with the server's clock: MAC and time both good
    assertThat(KEY.toTsig(SERVER).verify(a, answer(q, false), parse(q).getTSIG()))
        .isEqualTo(Rcode.NOERROR);
  }

  @Test
  void timeOutsideTheFudgeIsBadtime() {
    TSIG client = clientAt(NOW.plus(Duration.ofSeconds(301)));
    byte[] q = sign(query("community.rpz.", Type.SOA), client);
    Message a = parse(answer(q, false));
    assertThat(a.getRcode()).isEqualTo(Rcode.NOTAUTH);
    assertThat(a.getTSIG().getError()).isEqualTo(Rcode.BADTIME);
    assertThat(a.getTSIG().getTimeSigned()).isEqualTo(NOW.plus(Duration.ofSeconds(301)));
    assertThat(a.getTSIG().getOther())
        .containsExactly(
            0,
            0,
            (byte) (NOW.getEpochSecond() >>> 24),
            (byte) (NOW.getEpochSecond() >>> 16),
            (byte) (NOW.getEpochSecond() >>> 8),
            (byte) NOW.getEpochSecond());
  }

  @Test
  void everyAnswerToAVerifiedQueryIsSigned() throws Exception {
    TSIG client = clientAt(NOW);
    Message notify = query("community.rpz.", Type.SOA);
    notify.getHeader().setOpcode(Opcode.NOTIFY);
    Message update = query("community.rpz.", Type.SOA);
    update.getHeader().setOpcode(Opcode.UPDATE);
    List<Message> queries =
        List.of(
            notify, // REFUSED: a primary takes no NOTIFY
            update, // NOTIMP
            query("example.org.", Type.A), // REFUSED: not our zone
            query("nope.community.rpz.", Type.A), // NXDOMAIN
            query("community.rpz.", Type.AXFR)); // REFUSED over UDP
    List<Integer> expected =
        List.of(Rcode.REFUSED, Rcode.NOTIMP, Rcode.REFUSED, Rcode.NXDOMAIN, Rcode.REFUSED);
    for (int i = 0; i < queries.size(); i++) {
      byte[] q = sign(queries.get(i), client);
      byte[] wire = answer(q, false);
      Message a = parse(wire);
      assertThat(a.getRcode()).as("query %d", i).isEqualTo(expected.get(i));
      assertThat(KEY.toTsig(SERVER).verify(a, wire, parse(q).getTSIG()))
          .as("query %d signed", i)
          .isEqualTo(Rcode.NOERROR);
    }
  }

  @Test
  void unsignedQueriesGetUnsignedAnswers() {
    Message a = parse(answer(query("community.rpz.", Type.SOA).toWire(), false));
    assertThat(a.getTSIG()).isNull();
    assertThat(a.getRcode()).isEqualTo(Rcode.NOERROR);
  }

  /**
   * Found by {@code TsigVerificationFuzzTest}: the unsigned error TSIG of a BADSIG/BADKEY answer to
   * an EDNS query came before the OPT record, so clients could not parse the answer.
   */
  @Test
  void tsigErrorOnAnEdnsQueryIsTheLastRecord() throws Exception {
    TsigKey wrongSecret = TsigTestKeys.key("k.example.", TsigAlgorithm.HMAC_SHA384, 4);
    TsigKey unknown = TsigTestKeys.key("nobody.example.", TsigAlgorithm.HMAC_SHA384, 3);
    for (TsigKey signer : List.of(wrongSecret, unknown)) {
      byte[] q = sign(ednsQuery("community.rpz.", Type.SOA, 1232), signer.toTsig(SERVER));
      for (boolean tcp : new boolean[] {false, true}) {
        Message a = new Message(answer(q, tcp)); // throws if TSIG is not the last record
        assertThat(a.getRcode()).isEqualTo(Rcode.NOTAUTH);
        assertThat(a.getOPT()).as("EDNS answered with EDNS").isNotNull();
        assertThat(a.getTSIG().getError())
            .isEqualTo(signer == unknown ? Rcode.BADKEY : Rcode.BADSIG);
      }
    }
  }

  /** An error TSIG record that cannot fit a 512-octet answer leaves it parseable, NOTAUTH. */
  @Test
  void tsigErrorTooLongForUdpIsLeftOut() throws Exception {
    String label = "a".repeat(63);
    Name longName = Name.fromString(String.join(".", label, label, label, "b".repeat(61)) + ".");
    Message q = query("community.rpz.", Type.SOA);
    q.addRecord(
        new TSIGRecord(
            longName,
            DClass.ANY,
            0,
            longName,
            NOW,
            Duration.ofSeconds(300),
            new byte[32],
            q.getHeader().getID(),
            Rcode.NOERROR,
            null),
        Section.ADDITIONAL);
    Message a = new Message(answer(q.toWire(), false));
    assertThat(a.getRcode()).isEqualTo(Rcode.NOTAUTH);
    assertThat(answer(q.toWire(), false).length).isLessThanOrEqualTo(512);
    assertThat(new Message(answer(q.toWire(), true)).getTSIG().getError()).isEqualTo(Rcode.BADKEY);
  }

  /**
   * Found by {@code TsigVerificationFuzzTest}: with TC set, dnsjava parses a query up to its TSIG,
   * drops the records the header still counts and resets ARCOUNT, so a validly signed query with a
   * forged ARCOUNT verified and was answered. The header must count what the message holds.
   */
  @Test
  void signedQueryWhoseHeaderCountsMissingRecordsIsFormerr() throws Exception {
    Message m = query("community.rpz.", Type.SOA);
    m.getHeader().setFlag(org.xbill.DNS.Flags.TC);
    byte[] q = sign(m, KEY.toTsig(SERVER));
    q[11] = 9; // ARCOUNT 9: eight records "after" the TSIG that are not there
    assertThat(parse(q).getTSIG()).as("dnsjava still parses the TSIG").isNotNull();
    for (boolean tcp : new boolean[] {false, true}) {
      Message a = parse(answer(q, tcp));
      assertThat(a.getRcode()).isEqualTo(Rcode.FORMERR);
      assertThat(a.getTSIG()).as("a malformed query gets no signed answer").isNull();
    }
    q[11] = 1; // the message as signed: answered and signed
    assertThat(parse(answer(q, false)).getRcode()).isEqualTo(Rcode.NOERROR);
  }
}
