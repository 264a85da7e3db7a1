package org.rpzx.dns.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.dns.support.DnsTestSupport.ednsQuery;
import static org.rpzx.dns.support.DnsTestSupport.parse;
import static org.rpzx.dns.support.DnsTestSupport.query;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.dns.access.CidrMatcher;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.query.QueryProcessor;
import org.rpzx.dns.query.TransferLog;
import org.rpzx.dns.ratelimit.RateLimitSettings;
import org.rpzx.dns.ratelimit.ResponseRateLimiter;
import org.rpzx.dns.support.TrackingAllocator;
import org.rpzx.dns.testzone.TestZone;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class UdpQueryHandlerTest {

  private final TrackingAllocator alloc = new TrackingAllocator();
  private final List<ByteBuf> inbound = new ArrayList<>();
  private EmbeddedChannel channel;

  @BeforeAll
  static void paranoid() {
    HandlerLeakSupport.paranoid();
  }

  private void start(TestZone zone) {
    start(zone, ResponseRateLimiter.create(RateLimitSettings.OFF));
  }

  private void start(TestZone zone, ResponseRateLimiter limiter) {
    start(zone, limiter, QueryPressure.none());
  }

  private void start(TestZone zone, ResponseRateLimiter limiter, QueryPressure pressure) {
    QueryProcessor p =
        new QueryProcessor(
            zone,
            TransferAuthorizer.bySubnet(CidrMatcher.of("127.0.0.0/8")),
            TransferLog.NONE,
            1232,
            16_384);
    channel = HandlerLeakSupport.channel(alloc, HandlerLeakSupport.CLIENT);
    channel.pipeline().addLast(new UdpQueryHandler(p, limiter, pressure));
  }

  @AfterEach
  void noLeaks() {
    assertThat(channel.finishAndReleaseAll()).isFalse();
    assertThat(inbound).allSatisfy(b -> assertThat(b.refCnt()).isZero());
    assertThat(alloc.unreleased()).isZero();
  }

  private Message ask(byte[] wire) {
    DatagramPacket reply = send(wire);
    assertThat(reply).isNotNull();
    assertThat(reply.recipient()).isEqualTo(HandlerLeakSupport.CLIENT);
    return parse(HandlerLeakSupport.readAndRelease(reply.content()));
  }

  private DatagramPacket send(byte[] wire) {
    ByteBuf buf = alloc.buffer(wire.length).writeBytes(wire);
    inbound.add(buf);
    channel.writeInbound(
        new DatagramPacket(buf, new InetSocketAddress("127.0.0.1", 53), HandlerLeakSupport.CLIENT));
    return channel.readOutbound();
  }

  /** A read burst that found a queue (several datagrams at once) tells transfers to yield. */
  @Test
  void aBacklogOfDatagramsTurnsTheQueryPressureOn() {
    AtomicLong nanos = new AtomicLong();
    QueryPressure pressure = new QueryPressure(nanos::get, 1_000);
    start(
        TestZone.of(7, "evil.example"),
        ResponseRateLimiter.create(RateLimitSettings.OFF),
        pressure);
    DatagramPacket single = send(query("community.rpz.", Type.SOA).toWire()); // no queue
    HandlerLeakSupport.readAndRelease(single.content());
    assertThat(pressure.active()).isFalse();

    Object[] burst = new Object[QueryPressure.BACKLOG_BURST];
    for (int i = 0; i < burst.length; i++) {
      ByteBuf buf = alloc.buffer().writeBytes(query("community.rpz.", Type.SOA).toWire());
      inbound.add(buf);
      burst[i] =
          new DatagramPacket(
              buf, new InetSocketAddress("127.0.0.1", 53), HandlerLeakSupport.CLIENT);
    }
    channel.writeInbound(burst); // one read burst, then one channelReadComplete
    for (int i = 0; i < burst.length; i++) {
      DatagramPacket reply = channel.readOutbound();
      assertThat(parse(HandlerLeakSupport.readAndRelease(reply.content())).getRcode())
          .isEqualTo(Rcode.NOERROR);
    }
    assertThat(pressure.active()).isTrue();
    nanos.addAndGet(1_000);
    assertThat(pressure.active()).isFalse();
  }

  @Test
  void answersSoaNxdomainRefusedNotimpFormerr() {
    start(TestZone.of(7, "evil.example"));
    assertThat(ask(query("community.rpz.", Type.SOA).toWire()).getSection(Section.ANSWER))
        .hasSize(1);
    assertThat(ask(query("nope.community.rpz.", Type.A).toWire()).getRcode())
        .isEqualTo(Rcode.NXDOMAIN);
    assertThat(ask(query("example.org.", Type.A).toWire()).getRcode()).isEqualTo(Rcode.REFUSED);
    Message update = query("community.rpz.", Type.SOA);
    update.getHeader().setOpcode(Opcode.UPDATE);
    assertThat(ask(update.toWire()).getRcode()).isEqualTo(Rcode.NOTIMP);
    byte[] garbage = {1, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 63, 'x'};
    assertThat(ask(garbage).getRcode()).isEqualTo(Rcode.FORMERR);
    assertThat(ask(query("community.rpz.", Type.AXFR).toWire()).getRcode())
        .isEqualTo(Rcode.REFUSED);
  }

  @Test
  void rateLimitDropsAndSlipsTruncatedAnswers() {
    AtomicLong nanos = new AtomicLong();
    RateLimitSettings rrl =
        RateLimitSettings.defaults().withResponsesPerSecond(2).withSlip(2).withExempt(List.of());
    start(TestZone.of(7, "evil.example"), new ResponseRateLimiter(rrl, nanos::get));
    byte[] q = query("evil.example.community.rpz.", Type.A).toWire();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      DatagramPacket reply = send(q);
      if (reply == null) {
        seen.add("drop");
      } else {
        Message m = parse(HandlerLeakSupport.readAndRelease(reply.content()));
        seen.add(
            m.getHeader().getFlag(Flags.TC)
                ? "tc:" + m.getSection(Section.ANSWER).size()
                : "answer:" + m.getSection(Section.ANSWER).size());
      }
    }
    assertThat(seen).containsExactly("answer:1", "answer:1", "drop", "tc:0", "drop", "tc:0");
    nanos.addAndGet(500_000_000L); // one token back at 2/s
    DatagramPacket again = send(q);
    assertThat(parse(HandlerLeakSupport.readAndRelease(again.content())).getSection(Section.ANSWER))
        .hasSize(1);
  }

  @Test
  void dropsRuntsWithoutAnswer() {
    start(TestZone.of(7));
    assertThat(send(new byte[5])).isNull();
  }

  @Test
  void truncatesToThePayloadSize() {
    List<String> ns =
        IntStream.range(0, 30)
            .mapToObj(i -> "ns" + i + "." + "n".repeat(40) + ".example.")
            .toList();
    start(
        new TestZone(
            new ZoneSettings("community.rpz.", 60, ns.get(0), "h.x.", 1, 1, 1, 1, ns),
            1,
            List.of()));
    Message m = ask(ednsQuery("community.rpz.", Type.NS, 512).toWire());
    assertThat(m.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(m.getOPT()).isNotNull();
    Message full = ask(ednsQuery("community.rpz.", Type.NS, 4096).toWire());
    assertThat(full.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(full.getSection(Section.ANSWER)).hasSize(30);
  }
}
