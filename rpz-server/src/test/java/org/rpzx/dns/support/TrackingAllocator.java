package org.rpzx.dns.support;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * An allocator that remembers every buffer it hands out, so a test can assert that all of them were
 * released. Buffers are still wrapped by Netty's leak detector (run tests at PARANOID).
 */
public final class TrackingAllocator extends AbstractByteBufAllocator {

  private final List<ByteBuf> allocated = new ArrayList<>();

  public TrackingAllocator() {
    super(false);
  }

  @Override
  protected synchronized ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
    ByteBuf b = Unpooled.buffer(initialCapacity, maxCapacity);
    allocated.add(b);
    return b;
  }

  @Override
  protected synchronized ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
    ByteBuf b = Unpooled.directBuffer(initialCapacity, maxCapacity);
    allocated.add(b);
    return b;
  }

  @Override
  public boolean isDirectBufferPooled() {
    return false;
  }

  public synchronized int allocatedCount() {
    return allocated.size();
  }

  /** Buffers handed out and not yet released. */
  public synchronized long unreleased() {
    return allocated.stream().filter(b -> b.refCnt() > 0).count();
  }
}
