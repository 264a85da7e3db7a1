package org.rpzx.dns;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rpzx.core.zone.ZoneView;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.query.QueryProcessor;
import org.rpzx.dns.query.TransferLog;
import org.rpzx.dns.ratelimit.ResponseRateLimiter;
import org.rpzx.dns.transport.QueryPressure;
import org.rpzx.dns.transport.TcpConnectionLimiter;
import org.rpzx.dns.transport.TcpMessageFramer;
import org.rpzx.dns.transport.TcpQueryHandler;
import org.rpzx.dns.transport.TransferGate;
import org.rpzx.dns.transport.UdpQueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running DNS primary: UDP and TCP listeners on the configured address, answering from a {@link
 * ZoneView}. Start with {@link #start}, stop with {@link #close()}.
 */
public final class DnsServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DnsServer.class);
  private static final int SAME_PORT_ATTEMPTS = 8;
  private static final WriteBufferWaterMark TRANSFER_BUFFER =
      new WriteBufferWaterMark(32 * 1024, 64 * 1024);

  private final EventLoopGroup tcpGroup;
  private final EventLoopGroup udpGroup;
  private final List<Channel> udp;
  private final Channel tcp;
  private final TcpConnectionLimiter limiter;

  private DnsServer(
      EventLoopGroup tcpGroup,
      EventLoopGroup udpGroup,
      List<Channel> udp,
      Channel tcp,
      TcpConnectionLimiter limiter) {
    this.tcpGroup = tcpGroup;
    this.udpGroup = udpGroup;
    this.udp = udp;
    this.tcp = tcp;
    this.limiter = limiter;
  }

  /** Starts a server that allows transfers from {@link DnsServerSettings#allowTransfer()}. */
  public static DnsServer start(ZoneView zone, DnsServerSettings settings) throws IOException {
    return builder(zone, settings).start();
  }

  /**
   * Starts a server with an explicit transfer decision point and transfer log (no TSIG keys).
   *
   * @throws IOException when a listener cannot be bound (nothing is left running then)
   */
  public static DnsServer start(
      ZoneView zone, DnsServerSettings settings, TransferAuthorizer authorizer, TransferLog log)
      throws IOException {
    return builder(zone, settings).authorizer(authorizer).transferLog(log).start();
  }

  /** A server for {@code zone}; add keys, consumers and a transfer log, then {@code start()}. */
  public static DnsServerBuilder builder(ZoneView zone, DnsServerSettings settings) {
    return new DnsServerBuilder(zone, settings);
  }

  /**
   * Binds the listeners; called by {@link DnsServerBuilder#start()}. UDP and TCP get event loops of
   * their own, so that encoding transfers never delays a UDP answer.
   */
  static DnsServer start(DnsServerSettings settings, QueryProcessor processor) throws IOException {
    EventLoopGroup tcpGroup =
        new MultiThreadIoEventLoopGroup(
            settings.effectiveIoThreads(),
            // transfers are bulk work: below the UDP threads where the JVM applies priorities
            // (the launcher's -XX:ThreadPriorityPolicy=1; docs/performance.md)
            new DefaultThreadFactory("rpzx-dns-tcp", false, Thread.MIN_PRIORITY),
            NioIoHandler.newFactory());
    EventLoopGroup udpGroup =
        new MultiThreadIoEventLoopGroup(
            settings.effectiveUdpThreads(),
            new DefaultThreadFactory("rpzx-dns-udp"),
            NioIoHandler.newFactory());
    TcpConnectionLimiter limiter = new TcpConnectionLimiter(settings.maxTcpConnections());
    ResponseRateLimiter rateLimiter = ResponseRateLimiter.create(settings.rateLimit());
    QueryPressure pressure = new QueryPressure();
    try {
      ServerBootstrap tcpBootstrap = tcpBootstrap(tcpGroup, processor, limiter, settings, pressure);
      UdpListeners udpListeners =
          new UdpListeners(
              udpGroup,
              new UdpQueryHandler(processor, rateLimiter, pressure),
              settings.effectiveUdpThreads());
      Bound bound = bind(tcpBootstrap, udpListeners, settings.listen());
      DnsServer server = new DnsServer(tcpGroup, udpGroup, bound.udp(), bound.tcp(), limiter);
      LOG.info(
          "DNS listening on udp {} ({} sockets, receive buffer {} KiB) and tcp {}",
          server.udpAddress(),
          bound.udp().size(),
          server.udpReceiveBuffer() / 1024,
          server.tcpAddress());
      return server;
    } catch (IOException | RuntimeException e) {
      udpGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      tcpGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      throw e;
    }
  }

  private static ServerBootstrap tcpBootstrap(
      EventLoopGroup group,
      QueryProcessor processor,
      TcpConnectionLimiter limiter,
      DnsServerSettings settings,
      QueryPressure pressure) {
    long idleMillis = settings.tcpIdleTimeout().toMillis();
    int maxQueued = settings.maxQueuedQueries();
    TransferGate gate = new TransferGate(settings.effectiveTransferEncoders(), pressure);
    return new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 128)
        // a transfer holds at most this much encoded and unsent (plus one message)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, TRANSFER_BUFFER)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                    .addLast("limit", limiter)
                    .addLast("idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS))
                    .addLast("frame", new TcpMessageFramer(idleMillis))
                    .addLast("query", new TcpQueryHandler(processor, maxQueued, gate));
              }
            });
  }

  private record Bound(List<Channel> udp, Channel tcp) {}

  /** Binds TCP and UDP; for port 0 tries to get the same free port number for both. */
  private static Bound bind(ServerBootstrap tcpB, UdpListeners udpL, InetSocketAddress listen)
      throws IOException {
    if (listen.getPort() != 0) {
      Channel tcp = bindOrThrow(tcpB.bind(listen), "tcp", listen);
      try {
        return new Bound(udpL.bind(listen), tcp);
      } catch (IOException e) {
        tcp.close().syncUninterruptibly();
        throw e;
      }
    }
    for (int attempt = 0; attempt < SAME_PORT_ATTEMPTS; attempt++) {
      Channel tcp = bindOrThrow(tcpB.bind(listen), "tcp", listen);
      int port = ((InetSocketAddress) tcp.localAddress()).getPort();
      try {
        return new Bound(udpL.bind(new InetSocketAddress(listen.getAddress(), port)), tcp);
      } catch (IOException e) {
        tcp.close().syncUninterruptibly();
      }
    }
    LOG.warn("no free port for both UDP and TCP on {}; using two numbers", listen.getAddress());
    Channel tcp = bindOrThrow(tcpB.bind(listen), "tcp", listen);
    try {
      return new Bound(udpL.bind(listen), tcp);
    } catch (IOException e) {
      tcp.close().syncUninterruptibly();
      throw e;
    }
  }

  static Channel bindOrThrow(ChannelFuture future, String proto, InetSocketAddress at)
      throws IOException {
    if (!future.awaitUninterruptibly().isSuccess()) {
      throw new IOException("cannot bind DNS " + proto + " listener to " + at, future.cause());
    }
    return future.channel();
  }

  public InetSocketAddress udpAddress() {
    return (InetSocketAddress) udp.get(0).localAddress();
  }

  /**
   * The receive buffer the kernel gave each UDP socket, in bytes (Linux reports twice what it
   * accounts; capped by {@code net.core.rmem_max}).
   */
  public int udpReceiveBuffer() {
    return udp.get(0).config().getOption(ChannelOption.SO_RCVBUF);
  }

  /** UDP sockets bound to the port (one per UDP thread where {@code SO_REUSEPORT} works). */
  public int udpSockets() {
    return udp.size();
  }

  public InetSocketAddress tcpAddress() {
    return (InetSocketAddress) tcp.localAddress();
  }

  public int udpPort() {
    return udpAddress().getPort();
  }

  public int tcpPort() {
    return tcpAddress().getPort();
  }

  /** TCP connections open now. */
  public int openTcpConnections() {
    return limiter.openConnections();
  }

  /** Stops listening, closes every connection and the I/O threads; waits for them. */
  @Override
  public void close() {
    for (Channel u : udp) {
      u.close().syncUninterruptibly();
    }
    tcp.close().syncUninterruptibly();
    udpGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    tcpGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
