package org.rpzx.dns.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import org.rpzx.dns.query.QueryProcessor;
import org.rpzx.dns.query.Reply;
import org.rpzx.dns.wire.ResponseStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection (RFC 7766): queries (already de-framed) are answered strictly in order; a
 * multi-message transfer is written one message at a time while the channel is writable, so a slow
 * reader holds at most the write buffer's high-water mark in memory, and the next query's answer
 * waits until the transfer is complete. Too many queued queries pause reading.
 */
public final class TcpQueryHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(TcpQueryHandler.class);

  private final QueryProcessor processor;
  private final int maxQueued;
  private final ArrayDeque<byte[]> queued = new ArrayDeque<>();
  private ResponseStream active;
  private boolean draining;
  private boolean drainAgain;

  /**
   * @param maxQueued queries waiting behind the one being answered before reading pauses
   */
  public TcpQueryHandler(QueryProcessor processor, int maxQueued) {
    this.processor = processor;
    this.maxQueued = Math.max(1, maxQueued);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    try {
      queued.add(ByteBufUtil.getBytes(frame));
    } finally {
      frame.release();
    }
    if (queued.size() >= maxQueued) {
      ctx.channel().config().setAutoRead(false);
    }
    drain(ctx);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (ctx.channel().isWritable()) {
      drain(ctx);
    }
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      LOG.debug("closing idle TCP connection {}", ctx.channel().remoteAddress());
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    queued.clear();
    if (active != null) {
      active.finished(false); // the connection ended mid-transfer
      active = null;
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("TCP connection {} failed", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }

  /** Writes what can be written now; re-entrant calls (from flush) just ask for another round. */
  private void drain(ChannelHandlerContext ctx) {
    if (draining) {
      drainAgain = true;
      return;
    }
    draining = true;
    try {
      do {
        drainAgain = false;
        if (writeAvailable(ctx)) {
          ctx.flush();
        }
      } while (drainAgain);
      if (!ctx.channel().config().isAutoRead() && queued.size() < maxQueued) {
        ctx.channel().config().setAutoRead(true);
      }
    } finally {
      draining = false;
    }
  }

  private boolean writeAvailable(ChannelHandlerContext ctx) {
    boolean wrote = false;
    while (ctx.channel().isActive()) {
      if (active == null) {
        byte[] query = queued.poll();
        if (query == null) {
          break;
        }
        active = streamFor(query, ctx);
        continue;
      }
      while (active.hasNext() && ctx.channel().isWritable()) {
        ResponseStream stream = active;
        ChannelFuture written = ctx.write(stream.next(ctx.alloc()));
        written.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        if (!stream.hasNext()) {
          written.addListener(f -> stream.finished(f.isSuccess()));
        }
        wrote = true;
      }
      if (active.hasNext()) {
        break; // resumed by channelWritabilityChanged
      }
      active = null;
    }
    return wrote;
  }

  private ResponseStream streamFor(byte[] query, ChannelHandlerContext ctx) {
    InetAddress client = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    Reply reply = processor.process(query, client, true);
    if (reply instanceof Reply.Stream s) {
      return s.stream();
    }
    if (reply instanceof Reply.Message m) {
      byte[] wire = m.wire();
      byte[] framed = new byte[wire.length + 2];
      framed[0] = (byte) (wire.length >>> 8);
      framed[1] = (byte) wire.length;
      System.arraycopy(wire, 0, framed, 2, wire.length);
      return ResponseStream.single(framed, framed.length);
    }
    LOG.debug("dropped TCP query: {}", ((Reply.Drop) reply).reason());
    return null;
  }
}
