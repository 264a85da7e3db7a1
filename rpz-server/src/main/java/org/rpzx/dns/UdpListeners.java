package org.rpzx.dns;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The UDP sockets of the server: one per event loop of the UDP group, all bound to the same port
 * with {@code SO_REUSEPORT} so that the kernel spreads clients over the threads; a single socket
 * where the OS or JDK does not offer the option.
 */
final class UdpListeners {

  private static final int UDP_RECEIVE_BYTES = 4096;

  /**
   * Socket receive buffer asked for (the kernel caps it at {@code net.core.rmem_max}): the default
   * (~208 KiB, ~270 small queries) overflows after ~15 ms of 20k qps when the threads are
   * descheduled, e.g. while transfers and submissions share the cores; 4 MiB rides out ~250 ms.
   * NSD's documentation recommends the same ({@code so-rcvbuf: 4m}).
   */
  static final int SOCKET_RECEIVE_BUFFER = 4 * 1024 * 1024;

  private static final boolean REUSE_PORT = reusePortSupported();

  private final Bootstrap bootstrap;
  private final int sockets;

  UdpListeners(EventLoopGroup group, ChannelHandler handler, int threads) {
    this.sockets = REUSE_PORT ? Math.max(1, threads) : 1;
    Bootstrap b =
        new Bootstrap()
            .group(group)
            .channel(NioDatagramChannel.class)
            .option(
                ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(UDP_RECEIVE_BYTES))
            .option(ChannelOption.SO_RCVBUF, SOCKET_RECEIVE_BUFFER)
            .handler(handler);
    if (sockets > 1) {
      b.option(NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), true);
    }
    this.bootstrap = b;
  }

  /**
   * Binds every socket to {@code address}; the first one decides the port when it is 0.
   *
   * @throws IOException when a socket cannot be bound (none stays open then)
   */
  List<Channel> bind(InetSocketAddress address) throws IOException {
    List<Channel> bound = new ArrayList<>(sockets);
    try {
      Channel first = DnsServer.bindOrThrow(bootstrap.bind(address), "udp", address);
      bound.add(first);
      InetSocketAddress actual = (InetSocketAddress) first.localAddress();
      for (int i = 1; i < sockets; i++) {
        bound.add(DnsServer.bindOrThrow(bootstrap.bind(actual), "udp", actual));
      }
      return List.copyOf(bound);
    } catch (IOException | RuntimeException e) {
      for (Channel c : bound) {
        c.close().syncUninterruptibly();
      }
      throw e;
    }
  }

  private static boolean reusePortSupported() {
    try (DatagramChannel probe = DatagramChannel.open()) {
      return probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
