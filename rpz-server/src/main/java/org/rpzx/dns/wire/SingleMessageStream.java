package org.rpzx.dns.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** A response of exactly one message, already encoded. */
final class SingleMessageStream implements ResponseStream {

  private final byte[] message;
  private final int length;
  private boolean sent;

  SingleMessageStream(byte[] message, int length) {
    this.message = message;
    this.length = length;
  }

  @Override
  public boolean hasNext() {
    return !sent;
  }

  @Override
  public ByteBuf next(ByteBufAllocator alloc) {
    if (sent) {
      throw new IllegalStateException("already sent");
    }
    sent = true;
    return alloc.buffer(length).writeBytes(message, 0, length);
  }
}
