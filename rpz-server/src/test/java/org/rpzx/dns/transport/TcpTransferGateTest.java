package org.rpzx.dns.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.dns.support.DnsTestSupport.parse;
import static org.rpzx.dns.support.DnsTestSupport.query;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
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
import org.rpzx.dns.query.TransferEvent;
import org.rpzx.dns.support.DnsTestSupport;
import org.rpzx.dns.support.TrackingAllocator;
import org.rpzx.dns.testzone.TestZone;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Transfers over TCP take turns through the server's {@link TransferGate}; queries do not wait. */
class TcpTransferGateTest {

  private static final int NAMES = 20_000;

  private final TrackingAllocator alloc = new TrackingAllocator();
  private final List<ByteBuf> inbound = new ArrayList<>();
  private final List<TransferEvent> events = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();
  private final QueryPressure pressure = new QueryPressure(nanos::get, 1_000_000_000);
  private final TransferGate gate = new TransferGate(1, pressure);
  private final QueryProcessor processor =
      new QueryProcessor(
          new TestZone(
              ZoneSettings.defaults(),
              5,
              IntStream.range(0, NAMES).mapToObj(i -> "n" + i + ".example").toList()),
          TransferAuthorizer.bySubnet(CidrMatcher.of("127.0.0.0/8")),
          events::add,
          1232,
          16_384);
  private final List<EmbeddedChannel> channels = new ArrayList<>();

  @BeforeAll
  static void paranoid() {
    HandlerLeakSupport.paranoid();
  }

  @AfterEach
  void noLeaks() {
    channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    assertThat(inbound).allSatisfy(b -> assertThat(b.refCnt()).isZero());
    assertThat(alloc.unreleased()).isZero();
    assertThat(gate.inUse()).as("permits given back").isZero();
    assertThat(gate.waiting()).isZero();
  }

  private EmbeddedChannel connection() {
    EmbeddedChannel ch = HandlerLeakSupport.channel(alloc, HandlerLeakSupport.CLIENT);
    ch.pipeline()
        .addLast(new LengthFieldBasedFrameDecoder(65535, 0, 2, 0, 2))
        .addLast(new TcpQueryHandler(processor, 4, gate));
    channels.add(ch);
    return ch;
  }

  private void send(EmbeddedChannel ch, int type) {
    byte[] q = query("community.rpz.", type).toWire();
    ByteBuf buf = alloc.buffer().writeShort(q.length).writeBytes(q);
    inbound.add(buf);
    ch.writeInbound(buf);
  }

  private static List<Message> readAll(EmbeddedChannel ch) {
    List<Message> out = new ArrayList<>();
    ByteBuf b;
    while ((b = ch.readOutbound()) != null) {
      out.add(parse(DnsTestSupport.unframe(HandlerLeakSupport.readAndRelease(b))));
    }
    return out;
  }

  private static int records(List<Message> messages) {
    return messages.stream().mapToInt(m -> m.getSection(Section.ANSWER).size()).sum();
  }

  @Test
  void aTransferWaitsForAPermitAndThenCompletes() {
    Runnable holder = () -> {};
    assertThat(gate.acquire(holder)).isTrue(); // another transfer is encoding
    EmbeddedChannel ch = connection();
    send(ch, Type.AXFR);
    assertThat(readAll(ch)).as("nothing encoded without a permit").isEmpty();
    assertThat(gate.waiting()).isEqualTo(1);

    gate.release();
    ch.runPendingTasks();
    List<Message> messages = readAll(ch);
    assertThat(records(messages)).isEqualTo(2 * NAMES + 3); // SOA, NS, pairs, SOA
    assertThat(events).extracting(TransferEvent::kind).containsExactly(TransferEvent.Kind.AXFR);
  }

  /** While UDP queries queue up a transfer encodes nothing; it resumes once they are served. */
  @Test
  void aTransferYieldsWhileUdpQueriesQueueAndThenCompletes() {
    pressure.readBurst(QueryPressure.BACKLOG_BURST); // on for 1 s of the test clock
    EmbeddedChannel ch = connection();
    send(ch, Type.AXFR);
    assertThat(readAll(ch)).as("nothing encoded while UDP queries queue").isEmpty();
    assertThat(gate.inUse()).isZero();
    send(ch, Type.SOA); // queued behind the transfer, strictly in order (RFC 7766 keeps order)
    assertThat(readAll(ch)).isEmpty();

    nanos.addAndGet(1_000_000_000); // the backlog is gone
    for (int i = 0; i < 10_000 && !events.stream().anyMatch(TransferEvent::complete); i++) {
      ch.advanceTimeBy(TcpQueryHandler.YIELD_MICROS, java.util.concurrent.TimeUnit.MICROSECONDS);
      ch.runPendingTasks();
      ch.runScheduledPendingTasks();
    }
    List<Message> messages = readAll(ch);
    assertThat(records(messages)).isEqualTo(2 * NAMES + 3 + 1); // the transfer, then the SOA
    assertThat(messages.get(messages.size() - 1).getQuestion().getType()).isEqualTo(Type.SOA);
    assertThat(events)
        .filteredOn(e -> e.kind() == TransferEvent.Kind.AXFR)
        .hasSize(1)
        .allMatch(TransferEvent::complete);
  }

  /** A flood beyond what UDP can serve slows transfers down but never stops them. */
  @Test
  void aTransferUnderLastingPressureStillWritesABurstNowAndThen() {
    EmbeddedChannel ch = connection();
    pressure.readBurst(QueryPressure.BACKLOG_BURST);
    send(ch, Type.AXFR);
    int rounds = 3 * TcpQueryHandler.MAX_YIELDS;
    int roundsWithOutput = 0;
    for (int round = 0; round < rounds; round++) {
      pressure.readBurst(QueryPressure.BACKLOG_BURST); // the pressure never ends
      ch.advanceTimeBy(TcpQueryHandler.YIELD_MICROS, java.util.concurrent.TimeUnit.MICROSECONDS);
      ch.runScheduledPendingTasks();
      ch.runPendingTasks();
      if (!readAll(ch).isEmpty()) {
        roundsWithOutput++;
      }
    }
    assertThat(roundsWithOutput)
        .as("a burst after every MAX_YIELDS waits, and only then")
        .isBetween(
            rounds / (TcpQueryHandler.MAX_YIELDS + 1), rounds / TcpQueryHandler.MAX_YIELDS + 1);
    ch.close();
  }

  @Test
  void aQueryIsAnsweredWhileTransfersWait() {
    assertThat(gate.acquire(() -> {})).isTrue();
    EmbeddedChannel ch = connection();
    send(ch, Type.SOA);
    assertThat(readAll(ch)).hasSize(1);
    gate.release();
  }

  @Test
  void twoTransfersTakeTurnsAndBothComplete() {
    EmbeddedChannel a = connection();
    EmbeddedChannel b = connection();
    send(a, Type.AXFR);
    send(b, Type.AXFR);
    for (int i = 0; i < 10_000 && gate.inUse() + gate.waiting() > 0; i++) {
      a.runPendingTasks();
      b.runPendingTasks();
    }
    assertThat(records(readAll(a))).isEqualTo(2 * NAMES + 3);
    assertThat(records(readAll(b))).isEqualTo(2 * NAMES + 3);
    assertThat(events).hasSize(2).allMatch(TransferEvent::complete);
  }

  @Test
  void aConnectionClosedWhileWaitingLeavesTheLine() {
    Runnable holder = () -> {};
    assertThat(gate.acquire(holder)).isTrue();
    EmbeddedChannel ch = connection();
    send(ch, Type.AXFR);
    assertThat(gate.waiting()).isEqualTo(1);
    ch.close();
    assertThat(gate.waiting()).isZero();
    gate.release();
    assertThat(events).extracting(TransferEvent::complete).containsExactly(false);
  }

  @Test
  void aConnectionClosedAsThePermitArrivesGivesItBack() {
    Runnable holder = () -> {};
    assertThat(gate.acquire(holder)).isTrue();
    EmbeddedChannel ch = connection();
    send(ch, Type.AXFR);
    gate.release(); // handed over; the hand-over runs on the channel's loop later
    ch.close();
    ch.runPendingTasks();
    assertThat(gate.inUse()).isZero();
  }
}
