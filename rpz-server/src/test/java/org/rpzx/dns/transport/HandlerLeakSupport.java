package org.rpzx.dns.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.rpzx.dns.support.TrackingAllocator;

/** EmbeddedChannel with a real remote address and a tracking allocator. */
final class HandlerLeakSupport {

  static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);

  private HandlerLeakSupport() {}

  static void paranoid() {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
  }

  static EmbeddedChannel channel(TrackingAllocator alloc, InetSocketAddress remote) {
    EmbeddedChannel ch =
        new EmbeddedChannel() {
          @Override
          protected SocketAddress remoteAddress0() {
            return remote;
          }
        };
    ch.config().setAllocator(alloc);
    return ch;
  }

  static byte[] readAndRelease(ByteBuf buf) {
    try {
      byte[] b = new byte[buf.readableBytes()];
      buf.readBytes(b);
      return b;
    } finally {
      buf.release();
    }
  }
}
