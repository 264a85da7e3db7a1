package org.rpzx.dns.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rpzx.dns.support.TrackingAllocator;

class TcpMessageFramerTest {

  private static final long TIMEOUT = 1_000;
  private final TrackingAllocator alloc = new TrackingAllocator();

  @BeforeAll
  static void paranoid() {
    HandlerLeakSupport.paranoid();
  }

  private EmbeddedChannel channel() {
    EmbeddedChannel ch = HandlerLeakSupport.channel(alloc, HandlerLeakSupport.CLIENT);
    ch.freezeTime(); // only advanceTimeBy moves the clock
    ch.pipeline().addLast(new TcpMessageFramer(TIMEOUT));
    return ch;
  }

  private static ByteBuf bytes(int... b) {
    ByteBuf buf = Unpooled.buffer(b.length);
    for (int x : b) {
      buf.writeByte(x);
    }
    return buf;
  }

  @Test
  void aClientDrippingOneByteAtATimeIsClosedAtTheMessageDeadline() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(bytes(0x00)); // first byte of a length prefix announcing 16 KiB
    ch.writeInbound(bytes(0x40));
    for (int i = 0; i < 9; i++) { // each byte would reset an idle timer
      ch.advanceTimeBy(TIMEOUT / 10, TimeUnit.MILLISECONDS);
      ch.runScheduledPendingTasks();
      ch.writeInbound(bytes(i));
      assertThat(ch.isOpen()).isTrue();
    }
    ch.advanceTimeBy(TIMEOUT / 10 + 1, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.isOpen()).isFalse();
    assertThat((Object) ch.readInbound()).isNull();
    assertThat(alloc.unreleased()).isZero();
  }

  @Test
  void completeMessagesArePassedOnAndEachGetsItsOwnDeadline() {
    EmbeddedChannel ch = channel();
    // message 1 complete, message 2's prefix and first byte in the same read
    ch.writeInbound(bytes(0x00, 0x02, 0xAA, 0xBB, 0x00, 0x03, 0x01));
    ByteBuf first = ch.readInbound();
    assertThat(HandlerLeakSupport.readAndRelease(first)).containsExactly(0xAA, 0xBB);
    ch.advanceTimeBy(TIMEOUT - 1, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    ch.writeInbound(bytes(0x02, 0x03)); // message 2 completes just in time
    ByteBuf second = ch.readInbound();
    assertThat(HandlerLeakSupport.readAndRelease(second)).containsExactly(0x01, 0x02, 0x03);
    ch.advanceTimeBy(10 * TIMEOUT, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.isOpen()).as("no partial message: only the idle timeout applies").isTrue();
    ch.writeInbound(bytes(0x00)); // a new partial message starts a new deadline
    ch.advanceTimeBy(TIMEOUT + 1, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.isOpen()).isFalse();
    assertThat(alloc.unreleased()).isZero();
  }

  @Test
  void closingCancelsTheDeadline() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(bytes(0x00, 0x10, 0x01));
    ch.close();
    ch.advanceTimeBy(2 * TIMEOUT, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.finish()).isFalse();
    assertThat(alloc.unreleased()).isZero();
  }
}
