package org.rpzx.dns.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.dns.support.DnsTestSupport.ednsQuery;
import static org.rpzx.dns.support.DnsTestSupport.ixfrQuery;
import static org.rpzx.dns.support.DnsTestSupport.name;
import static org.rpzx.dns.support.DnsTestSupport.parse;
import static org.rpzx.dns.support.DnsTestSupport.query;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.dns.access.CidrMatcher;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.testzone.TestZone;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class QueryProcessorTest {

  private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();
  private static final String O = ".community.rpz.";

  private final TestZone zone = TestZone.of(100, "evil.example", "a.b.example", "bad.test");
  private final List<TransferEvent> events = new ArrayList<>();
  private final QueryProcessor processor =
      new QueryProcessor(
          zone,
          TransferAuthorizer.bySubnet(CidrMatcher.of("127.0.0.0/8")),
          events::add,
          1232,
          16_384);

  private Message udp(Message query) {
    Reply r = processor.process(query.toWire(), LOCAL, false);
    assertThat(r).isInstanceOf(Reply.Message.class);
    return parse(((Reply.Message) r).wire());
  }

  @Test
  void soaAtApexIsAuthoritativeWithoutRecursion() {
    Message m = udp(query("community.rpz.", Type.SOA));
    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(m.getHeader().getFlag(Flags.RA)).isFalse();
    assertThat(m.getHeader().getFlag(Flags.RD)).isTrue(); // copied from the query
    SOARecord soa = (SOARecord) m.getSection(Section.ANSWER).get(0);
    assertThat(soa.getSerial()).isEqualTo(100);
    assertThat(events)
        .extracting(TransferEvent::kind)
        .containsExactly(TransferEvent.Kind.SOA_QUERY);
  }

  @Test
  void nsAtApex() {
    Message m = udp(query("community.rpz.", Type.NS));
    assertThat(m.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.NS);
  }

  @Test
  void otherTypeAtApexIsNoData() {
    Message m = udp(query("community.rpz.", Type.A));
    assertNegative(m, Rcode.NOERROR);
  }

  @Test
  void nameAnswersEveryTypeWithCnameToRoot() {
    for (int type : new int[] {Type.A, Type.AAAA, Type.CNAME, Type.ANY, Type.TXT}) {
      Message m = udp(query("evil.example" + O, type));
      assertCnameDot(m, "evil.example" + O);
    }
  }

  @Test
  void wildcardOwnerAndWildcardMatch() {
    assertCnameDot(udp(query("*.evil.example" + O, Type.A)), "*.evil.example" + O);
    assertCnameDot(udp(query("x.y.evil.example" + O, Type.A)), "x.y.evil.example" + O);
  }

  @Test
  void answerOwnerKeepsTheQueryCase() {
    assertCnameDot(
        udp(query("WWW.Evil.Example.Community.RPZ.", Type.A)), "WWW.Evil.Example.Community.RPZ.");
  }

  @Test
  void emptyNonTerminalIsNoData() {
    assertNegative(udp(query("b.example" + O, Type.A)), Rcode.NOERROR);
    assertNegative(udp(query("example" + O, Type.A)), Rcode.NOERROR);
  }

  @Test
  void missingNamesAreNxDomain() {
    assertNegative(udp(query("nope" + O, Type.A)), Rcode.NXDOMAIN);
    // closest encloser b.example is an empty non-terminal: no wildcard there
    assertNegative(udp(query("x.b.example" + O, Type.A)), Rcode.NXDOMAIN);
    assertNegative(udp(query("x.*.evil.example" + O, Type.A)), Rcode.NXDOMAIN);
  }

  @Test
  void oddLabelsAreCoveredByTheWildcardAbove() throws Exception {
    Name odd = new Name("we\\032ird.evil.example" + O);
    Message q = Message.newQuery(Record.newRecord(odd, Type.A, DClass.IN));
    assertCnameDot(udp(q), odd.toString());
    Name top = new Name("we\\032ird" + O);
    assertNegative(udp(Message.newQuery(Record.newRecord(top, Type.A, DClass.IN))), Rcode.NXDOMAIN);
  }

  @Test
  void outsideTheZoneIsRefused() {
    for (String n : new String[] {"example.com.", "rpz.", ".", "xcommunity.rpz."}) {
      Message m = udp(query(n, Type.A));
      assertThat(m.getRcode()).as(n).isEqualTo(Rcode.REFUSED);
      assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
    }
  }

  @Test
  void otherClassIsRefused() {
    Message q = Message.newQuery(Record.newRecord(name("community.rpz."), Type.SOA, DClass.CH));
    assertThat(udp(q).getRcode()).isEqualTo(Rcode.REFUSED);
  }

  @Test
  void opcodes() {
    Message notify = query("community.rpz.", Type.SOA);
    notify.getHeader().setOpcode(Opcode.NOTIFY);
    assertThat(udp(notify).getRcode()).isEqualTo(Rcode.REFUSED);
    for (int opcode : new int[] {Opcode.IQUERY, Opcode.STATUS, Opcode.UPDATE, 3, 15}) {
      Message q = query("community.rpz.", Type.SOA);
      q.getHeader().setOpcode(opcode);
      Message m = udp(q);
      assertThat(m.getRcode()).isEqualTo(Rcode.NOTIMP);
      assertThat(m.getHeader().getOpcode()).isEqualTo(opcode);
    }
  }

  @Test
  void garbageWithAHeaderIsFormErrKeepingTheId() {
    byte[] garbage = {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'b', 'r', 'o'};
    Reply r = processor.process(garbage, LOCAL, false);
    Message m = parse(((Reply.Message) r).wire());
    assertThat(m.getHeader().getID()).isEqualTo(0x1234);
    assertThat(m.getRcode()).isEqualTo(Rcode.FORMERR);
    assertThat(m.getHeader().getFlag(Flags.QR)).isTrue();
    assertThat(m.getHeader().getFlag(Flags.RD)).isTrue();
  }

  @Test
  void tooShortAndResponsesAreDropped() {
    assertThat(processor.process(new byte[11], LOCAL, false)).isInstanceOf(Reply.Drop.class);
    byte[] response = query("community.rpz.", Type.SOA).toWire();
    response[2] |= (byte) 0x80;
    assertThat(processor.process(response, LOCAL, false)).isInstanceOf(Reply.Drop.class);
  }

  @Test
  void twoQuestionsAreFormErr() {
    Message q = query("community.rpz.", Type.SOA);
    q.addRecord(Record.newRecord(name("community.rpz."), Type.NS, DClass.IN), Section.QUESTION);
    assertThat(udp(q).getRcode()).isEqualTo(Rcode.FORMERR);
  }

  @Test
  void ednsIsEchoedWithOurPayloadSize() {
    Message m = udp(ednsQuery("community.rpz.", Type.SOA, 4096));
    assertThat(m.getOPT()).isNotNull();
    assertThat(m.getOPT().getPayloadSize()).isEqualTo(1232);
    assertThat(udp(query("community.rpz.", Type.SOA)).getOPT()).isNull();
  }

  @Test
  void unknownEdnsVersionIsBadVers() {
    Message q = query("community.rpz.", Type.SOA);
    q.addRecord(new org.xbill.DNS.OPTRecord(1232, 0, 1), Section.ADDITIONAL);
    Message m = udp(q);
    assertThat(m.getRcode()).isEqualTo(Rcode.BADVERS);
    assertThat(m.getOPT().getVersion()).isZero();
  }

  @Test
  void largeAnswerIsTruncatedToThePayloadSizeOverUdp() {
    List<String> ns =
        IntStream.range(0, 40)
            .mapToObj(i -> "ns" + i + "." + "n".repeat(40) + ".example.")
            .toList();
    ZoneSettings big = new ZoneSettings("community.rpz.", 60, ns.get(0), "h.x.", 1, 1, 1, 1, ns);
    TestZone bigZone = new TestZone(big, 1, List.of("a.example"));
    QueryProcessor p =
        new QueryProcessor(
            bigZone,
            r -> new org.rpzx.dns.access.TransferDecision.Refused("no"),
            TransferLog.NONE,
            4096,
            16_384);

    byte[] plain =
        ((Reply.Message) p.process(query("community.rpz.", Type.NS).toWire(), LOCAL, false)).wire();
    assertThat(plain.length).isLessThanOrEqualTo(512);
    assertThat(parse(plain).getHeader().getFlag(Flags.TC)).isTrue();

    byte[] small =
        ((Reply.Message)
                p.process(ednsQuery("community.rpz.", Type.NS, 600).toWire(), LOCAL, false))
            .wire();
    assertThat(small.length).isLessThanOrEqualTo(600);
    assertThat(parse(small).getHeader().getFlag(Flags.TC)).isTrue();

    byte[] large =
        ((Reply.Message)
                p.process(ednsQuery("community.rpz.", Type.NS, 4096).toWire(), LOCAL, false))
            .wire();
    assertThat(parse(large).getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(parse(large).getSection(Section.ANSWER)).hasSize(40);

    byte[] tcp =
        ((Reply.Message) p.process(query("community.rpz.", Type.NS).toWire(), LOCAL, true)).wire();
    assertThat(parse(tcp).getSection(Section.ANSWER)).hasSize(40);
  }

  @Test
  void axfrOverUdpIsRefused() {
    assertThat(udp(query("community.rpz.", Type.AXFR)).getRcode()).isEqualTo(Rcode.REFUSED);
  }

  @Test
  void axfrOverTcpFromAllowedSourceStreams() throws Exception {
    Reply r = processor.process(query("community.rpz.", Type.AXFR).toWire(), LOCAL, true);
    assertThat(r).isInstanceOf(Reply.Stream.class);
    assertThat(events).as("recorded when the transfer ends, not when it starts").isEmpty();
    var stream = ((Reply.Stream) r).stream();
    long bytes = 0;
    while (stream.hasNext()) {
      var b = stream.next(io.netty.buffer.UnpooledByteBufAllocator.DEFAULT);
      bytes += b.readableBytes();
      b.release();
    }
    stream.finished(true);
    stream.finished(true); // at most one event per transfer
    assertThat(events).hasSize(1);
    TransferEvent e = events.get(0);
    assertThat(e.kind()).isEqualTo(TransferEvent.Kind.AXFR);
    assertThat(e.serial()).isEqualTo(100);
    assertThat(e.bytes()).isEqualTo(bytes).isGreaterThan(100);
    assertThat(e.duration().isNegative()).isFalse();
    assertThat(e.complete()).isTrue();
    assertThat(e.consumer()).isNull(); // allowed by subnet, not a known consumer
  }

  @Test
  void transfersFromOtherSourcesAreRefused() throws Exception {
    InetAddress stranger = InetAddress.getByName("192.0.2.1");
    for (Message q : List.of(query("community.rpz.", Type.AXFR), ixfrQuery(99))) {
      Reply r = processor.process(q.toWire(), stranger, true);
      assertThat(parse(((Reply.Message) r).wire()).getRcode()).isEqualTo(Rcode.REFUSED);
    }
    assertThat(events)
        .extracting(TransferEvent::kind)
        .containsExactly(TransferEvent.Kind.REFUSED, TransferEvent.Kind.REFUSED);
  }

  @Test
  void axfrBelowTheApexIsRefused() {
    Reply r = processor.process(query("evil.example" + O, Type.AXFR).toWire(), LOCAL, true);
    assertThat(parse(((Reply.Message) r).wire()).getRcode()).isEqualTo(Rcode.REFUSED);
  }

  @Test
  void ixfrOverUdpUpToDateIsOneSoa() {
    Message m = udp(ixfrQuery(100));
    assertThat(m.getSection(Section.ANSWER)).hasSize(1);
    assertThat(((SOARecord) m.getSection(Section.ANSWER).get(0)).getSerial()).isEqualTo(100);
  }

  @Test
  void ixfrOverUdpThatFitsIsIncremental() {
    zone.publish(List.of("new.example"), List.of("bad.test"));
    zone.publish(List.of("newer.example"), List.of());
    Message m = udp(ixfrQuery(100));
    List<String> rrs = new ArrayList<>();
    for (Record r : m.getSection(Section.ANSWER)) {
      rrs.add(r instanceof SOARecord s ? "SOA " + s.getSerial() : r.getName().toString());
    }
    // condensed into one difference 100 -> 102
    assertThat(rrs)
        .containsExactly(
            "SOA 102",
            "SOA 100",
            "bad.test" + O,
            "*.bad.test" + O,
            "SOA 102",
            "new.example" + O,
            "*.new.example" + O,
            "newer.example" + O,
            "*.newer.example" + O,
            "SOA 102");
  }

  @Test
  void ixfrOverUdpThatDoesNotFitIsSoaOnly() {
    List<String> many = IntStream.range(0, 200).mapToObj(i -> "host" + i + ".example").toList();
    zone.publish(many, List.of());
    Message m = udp(ixfrQuery(100));
    assertThat(m.getSection(Section.ANSWER)).hasSize(1);
    assertThat(((SOARecord) m.getSection(Section.ANSWER).get(0)).getSerial()).isEqualTo(101);
    assertThat(m.getHeader().getFlag(Flags.TC)).isFalse();
  }

  @Test
  void ixfrOverUdpTooOldIsSoaOnly() {
    zone.publish(List.of("x.example"), List.of());
    zone.publish(List.of("y.example"), List.of());
    zone.truncateJournal(1);
    Message m = udp(ixfrQuery(100));
    assertThat(m.getSection(Section.ANSWER)).hasSize(1);
  }

  @Test
  void ixfrWithoutClientSoaIsFormErr() {
    Reply r = processor.process(query("community.rpz.", Type.IXFR).toWire(), LOCAL, true);
    assertThat(parse(((Reply.Message) r).wire()).getRcode()).isEqualTo(Rcode.FORMERR);
  }

  private static void assertCnameDot(Message m, String owner) {
    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
    List<Record> answer = m.getSection(Section.ANSWER);
    assertThat(answer).hasSize(1);
    CNAMERecord c = (CNAMERecord) answer.get(0);
    assertThat(c.getName().toString()).isEqualTo(owner);
    assertThat(c.getTarget()).isEqualTo(Name.root);
    assertThat(c.getTTL()).isEqualTo(60);
  }

  private static void assertNegative(Message m, int rcode) {
    assertThat(m.getRcode()).isEqualTo(rcode);
    assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(m.getSection(Section.ANSWER)).isEmpty();
    List<Record> auth = m.getSection(Section.AUTHORITY);
    assertThat(auth).hasSize(1);
    assertThat(auth.get(0)).isInstanceOf(SOARecord.class);
    assertThat(auth.get(0).getTTL()).isEqualTo(60);
  }
}
