package org.rpzx.dns.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.dns.support.DnsTestSupport.parse;
import static org.rpzx.dns.support.DnsTestSupport.query;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rpzx.dns.access.CidrMatcher;
import org.rpzx.dns.access.ConsumerDirectory;
import org.rpzx.dns.access.ConsumerInfo;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.query.QueryProcessor;
import org.rpzx.dns.query.TransferEvent;
import org.rpzx.dns.support.DnsTestSupport;
import org.rpzx.dns.support.TrackingAllocator;
import org.rpzx.dns.support.TsigTestKeys;
import org.rpzx.dns.testzone.TestZone;
import org.rpzx.dns.tsig.TsigAlgorithm;
import org.rpzx.dns.tsig.TsigKey;
import org.rpzx.dns.tsig.TsigKeyring;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

class TcpQueryHandlerTest {

  private final TrackingAllocator alloc = new TrackingAllocator();
  private final List<ByteBuf> inbound = new ArrayList<>();
  private final List<TransferEvent> events = new ArrayList<>();
  private EmbeddedChannel channel;

  @BeforeAll
  static void paranoid() {
    HandlerLeakSupport.paranoid();
  }

  private void start(TestZone zone, InetSocketAddress remote) {
    start(
        remote,
        new QueryProcessor(
            zone,
            TransferAuthorizer.bySubnet(CidrMatcher.of("127.0.0.0/8")),
            events::add,
            1232,
            16_384));
  }

  private void start(InetSocketAddress remote, QueryProcessor p) {
    channel = HandlerLeakSupport.channel(alloc, remote);
    channel
        .pipeline()
        .addLast(new LengthFieldBasedFrameDecoder(65535, 0, 2, 0, 2))
        .addLast(new TcpQueryHandler(p, 4));
  }

  @AfterEach
  void noLeaks() {
    channel.finishAndReleaseAll();
    assertThat(inbound).allSatisfy(b -> assertThat(b.refCnt()).isZero());
    assertThat(alloc.unreleased()).isZero();
  }

  /** Writes the queries as one TCP segment (pipelined). */
  private void send(byte[]... queries) {
    ByteBuf buf = alloc.buffer();
    for (byte[] q : queries) {
      buf.writeShort(q.length).writeBytes(q);
    }
    inbound.add(buf);
    channel.writeInbound(buf);
  }

  private List<byte[]> readAllFramed() {
    List<byte[]> out = new ArrayList<>();
    ByteBuf b;
    while ((b = channel.readOutbound()) != null) {
      out.add(HandlerLeakSupport.readAndRelease(b));
    }
    return out;
  }

  private List<Message> readAll() {
    List<Message> out = new ArrayList<>();
    ByteBuf b;
    while ((b = channel.readOutbound()) != null) {
      out.add(parse(DnsTestSupport.unframe(HandlerLeakSupport.readAndRelease(b))));
    }
    return out;
  }

  private static byte[] withId(Message m, int id) {
    m.getHeader().setID(id);
    return m.toWire();
  }

  @Test
  void pipelinedQueriesAreAnsweredInOrderWithTheTransferFirst() {
    List<String> names = IntStream.range(0, 20_000).mapToObj(i -> "n" + i + ".example").toList();
    start(
        new TestZone(org.rpzx.core.zone.ZoneSettings.defaults(), 9, names),
        HandlerLeakSupport.CLIENT);
    send(
        withId(query("community.rpz.", Type.AXFR), 1),
        withId(query("community.rpz.", Type.SOA), 2),
        withId(query("nope.community.rpz.", Type.A), 3));

    List<byte[]> framed = readAllFramed();
    List<Message> messages = framed.stream().map(b -> parse(DnsTestSupport.unframe(b))).toList();
    assertThat(messages.size()).isGreaterThan(3);
    // the transfer is logged once its last message is written, with the bytes written
    long axfrBytes = framed.subList(0, framed.size() - 2).stream().mapToLong(b -> b.length).sum();
    List<TransferEvent> transfers =
        events.stream().filter(e -> e.kind() == TransferEvent.Kind.AXFR).toList();
    assertThat(transfers).hasSize(1);
    assertThat(transfers.get(0).bytes()).isEqualTo(axfrBytes);
    assertThat(transfers.get(0).complete()).isTrue();
    assertThat(transfers.get(0).serial()).isEqualTo(9);
    int records = 0;
    for (int i = 0; i < messages.size() - 2; i++) {
      assertThat(messages.get(i).getHeader().getID()).isEqualTo(1);
      records += messages.get(i).getSection(Section.ANSWER).size();
    }
    assertThat(records).isEqualTo(2 + 1 + 2 * 20_000);
    List<Record> last = messages.get(messages.size() - 3).getSection(Section.ANSWER);
    assertThat(last.get(last.size() - 1)).isInstanceOf(SOARecord.class);
    assertThat(messages.get(messages.size() - 2).getHeader().getID()).isEqualTo(2);
    assertThat(messages.get(messages.size() - 1).getHeader().getID()).isEqualTo(3);
    assertThat(messages.get(messages.size() - 1).getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void signedTransferEveryMessageVerifiedWithoutLeaks() throws Exception {
    TsigKey key = TsigTestKeys.key("xfr.example.", TsigAlgorithm.HMAC_SHA256, 1);
    List<String> names = IntStream.range(0, 5_000).mapToObj(i -> "n" + i + ".example").toList();
    start(
        HandlerLeakSupport.CLIENT,
        new QueryProcessor(
            new TestZone(org.rpzx.core.zone.ZoneSettings.defaults(), 9, names),
            TransferAuthorizer.forConsumers(
                CidrMatcher.of(),
                ConsumerDirectory.of(
                    List.of(
                        new ConsumerInfo(
                            "c", "i", Optional.of(key.name()), List.of(), List.of())))),
            events::add,
            TsigKeyring.of(key),
            Clock.systemUTC(),
            1232,
            16_384));
    TSIG client = TsigTestKeys.client(key);
    byte[] q = TsigTestKeys.sign(query("community.rpz.", Type.AXFR), client);
    send(q);
    TSIG.StreamVerifier verifier = new TSIG.StreamVerifier(client, parse(q).getTSIG());
    int records = 0;
    int messages = 0;
    for (byte[] framed : readAllFramed()) {
      byte[] wire = DnsTestSupport.unframe(framed);
      Message m = parse(wire);
      assertThat(m.getTSIG()).isNotNull();
      assertThat(verifier.verify(m, wire)).isEqualTo(Rcode.NOERROR);
      records += m.getSection(Section.ANSWER).size();
      messages++;
    }
    assertThat(records).isEqualTo(2 * 5_000 + 3);
    assertThat(messages).isGreaterThan(5);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).consumer()).isEqualTo("c");
  }

  @Test
  void errorsOverTcp() {
    start(TestZone.of(1, "a.example"), HandlerLeakSupport.CLIENT);
    Message notify = query("community.rpz.", Type.SOA);
    notify.getHeader().setOpcode(Opcode.NOTIFY);
    byte[] garbage = {9, 9, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 60};
    send(
        withId(query("example.com.", Type.SOA), 1),
        notify.toWire(),
        garbage,
        new byte[3],
        withId(query("community.rpz.", Type.SOA), 5));
    List<Message> m = readAll();
    assertThat(m)
        .extracting(Message::getRcode)
        .containsExactly(Rcode.REFUSED, Rcode.REFUSED, Rcode.FORMERR, Rcode.NOERROR);
    assertThat(channel.isActive()).isTrue();
  }

  @Test
  void transferFromForeignSourceIsRefused() {
    start(TestZone.of(1, "a.example"), new InetSocketAddress("198.51.100.7", 5000));
    send(query("community.rpz.", Type.AXFR).toWire());
    assertThat(readAll()).extracting(Message::getRcode).containsExactly(Rcode.REFUSED);
  }

  @Test
  void splitFramesAreReassembled() {
    start(TestZone.of(1, "a.example"), HandlerLeakSupport.CLIENT);
    byte[] q = query("community.rpz.", Type.SOA).toWire();
    ByteBuf first = alloc.buffer().writeShort(q.length).writeBytes(q, 0, 5);
    ByteBuf second = alloc.buffer().writeBytes(q, 5, q.length - 5);
    inbound.add(first);
    inbound.add(second);
    channel.writeInbound(first);
    assertThat(readAll()).isEmpty();
    channel.writeInbound(second);
    assertThat(readAll()).hasSize(1);
  }

  @Test
  void idleEventClosesTheConnection() {
    start(TestZone.of(1), HandlerLeakSupport.CLIENT);
    channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void closingMidTransferReleasesEverything() {
    List<String> names = IntStream.range(0, 50_000).mapToObj(i -> "n" + i + ".example").toList();
    start(
        new TestZone(org.rpzx.core.zone.ZoneSettings.defaults(), 9, names),
        HandlerLeakSupport.CLIENT);
    // a peer that does not read: flushes never reach the socket, the channel turns unwritable
    channel
        .pipeline()
        .addFirst(
            new ChannelOutboundHandlerAdapter() {
              @Override
              public void flush(ChannelHandlerContext ctx) {}
            });
    send(query("community.rpz.", Type.AXFR).toWire());
    assertThat(channel.isWritable()).isFalse();
    // backpressure: only about the high-water mark (64 KiB) was encoded, not the 2 MB zone
    int encoded = alloc.allocatedCount();
    assertThat(encoded).isBetween(2, 10);
    channel.runPendingTasks();
    assertThat(alloc.allocatedCount()).isEqualTo(encoded);
    assertThat(events).isEmpty();
    channel.close();
    assertThat(readAll()).isEmpty();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).complete()).isFalse();
    assertThat(events.get(0).bytes()).isPositive().isLessThan(2_000_000);
  }
}
