package org.rpzx.dns.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes connections beyond the configured number of open TCP connections. Shared by all. */
@ChannelHandler.Sharable
public final class TcpConnectionLimiter extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(TcpConnectionLimiter.class);

  private final int max;
  private final AtomicInteger open = new AtomicInteger();

  public TcpConnectionLimiter(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("connection limit must be positive");
    }
    this.max = max;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (open.incrementAndGet() > max) {
      LOG.debug("TCP connection limit {} reached, closing {}", max, ctx.channel().remoteAddress());
      ctx.close();
      return;
    }
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    open.decrementAndGet();
    super.channelInactive(ctx);
  }

  /** Connections currently counted. */
  public int openConnections() {
    return open.get();
  }
}
