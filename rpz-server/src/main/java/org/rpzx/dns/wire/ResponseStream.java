package org.rpzx.dns.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A response of one or more DNS messages produced one at a time, so a transfer never holds more
 * than one message in memory. TCP streams return framed messages (with the two-byte length).
 */
public interface ResponseStream {

  /** Whether another message follows. */
  boolean hasNext();

  /** Encodes the next message into a new buffer owned by the caller. */
  ByteBuf next(ByteBufAllocator alloc);

  /**
   * Called once by the transport when the stream is over: {@code complete} when its last message
   * was written to the socket, false when the connection ended before. Must not throw.
   */
  default void finished(boolean complete) {}

  /** Wraps one already encoded message. */
  static ResponseStream single(byte[] message, int length) {
    return new SingleMessageStream(message, length);
  }
}
