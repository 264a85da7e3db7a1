package org.rpzx.dist.reliability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/** The receiving half of the harness's UDP clients: every answer, timed on arrival. */
final class UdpAnswers {

  /** Takes one answer of at least a DNS header (flipped for reading) and its arrival time. */
  interface Sink {
    void answer(ByteBuffer message, long receivedNanos);
  }

  private UdpAnswers() {}

  /**
   * Reads answers from the connected {@code channel} until it is closed (the client's stop) or
   * fails (ECONNREFUSED once the server is gone: what was not answered counts as lost).
   */
  static void readUntilClosed(DatagramChannel channel, Sink sink) {
    ByteBuffer buf = ByteBuffer.allocate(1500);
    try {
      while (true) {
        buf.clear();
        channel.read(buf);
        long now = System.nanoTime();
        if (buf.position() < 12) {
          continue;
        }
        buf.flip();
        sink.answer(buf, now);
      }
    } catch (IOException e) {
      // closed by stop() (ClosedChannelException) or the server is gone
    }
  }
}
