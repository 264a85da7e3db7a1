package org.rpzx.dns.transport;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.AttributeKey;
import org.rpzx.dns.query.QueryProcessor;
import org.rpzx.dns.query.Reply;
import org.rpzx.dns.ratelimit.RateLimitDecision;
import org.rpzx.dns.ratelimit.RateLimitSettings;
import org.rpzx.dns.ratelimit.ResponseRateLimiter;
import org.rpzx.dns.ratelimit.TruncatedAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each datagram with at most one datagram, within the response rate limit; transfers never
 * leave over UDP.
 */
@ChannelHandler.Sharable
public final class UdpQueryHandler extends SimpleChannelInboundHandler<DatagramPacket> {

  private static final Logger LOG = LoggerFactory.getLogger(UdpQueryHandler.class);

  /** Datagrams read in the current burst, per channel (the handler is shared by the sockets). */
  private static final AttributeKey<int[]> BURST = AttributeKey.valueOf("rpzx-udp-burst");

  private final QueryProcessor processor;
  private final ResponseRateLimiter limiter;
  private final QueryPressure pressure;

  /** A handler without rate limiting. */
  public UdpQueryHandler(QueryProcessor processor) {
    this(processor, ResponseRateLimiter.create(RateLimitSettings.OFF));
  }

  public UdpQueryHandler(QueryProcessor processor, ResponseRateLimiter limiter) {
    this(processor, limiter, QueryPressure.none());
  }

  /**
   * @param pressure told how many datagrams each read burst found, so transfers can yield
   */
  public UdpQueryHandler(
      QueryProcessor processor, ResponseRateLimiter limiter, QueryPressure pressure) {
    this.processor = processor;
    this.limiter = limiter;
    this.pressure = pressure;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    burst(ctx)[0]++;
    byte[] query = ByteBufUtil.getBytes(packet.content());
    Reply reply = processor.process(query, packet.sender().getAddress(), false);
    if (reply instanceof Reply.Message m) {
      byte[] wire = m.wire();
      RateLimitDecision decision = limiter.decide(packet.sender().getAddress());
      if (decision == RateLimitDecision.DROP) {
        return;
      }
      if (decision == RateLimitDecision.SLIP) {
        wire = TruncatedAnswer.of(query);
        if (wire == null) {
          return;
        }
      }
      // flushed once per read burst (channelReadComplete): fewer wake-ups of the selector
      ctx.write(
          new DatagramPacket(ctx.alloc().buffer(wire.length).writeBytes(wire), packet.sender()));
    } else if (reply instanceof Reply.Stream) {
      // cannot happen: the processor refuses transfers over UDP
      LOG.error("stream reply over UDP dropped");
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    int[] burst = burst(ctx);
    pressure.readBurst(burst[0]);
    burst[0] = 0;
    ctx.flush();
    ctx.fireChannelReadComplete();
  }

  private static int[] burst(ChannelHandlerContext ctx) {
    int[] burst = ctx.channel().attr(BURST).get();
    if (burst == null) {
      burst = new int[1];
      ctx.channel().attr(BURST).set(burst); // only this channel's event loop touches it
    }
    return burst;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // a bad datagram must never close the shared socket
    LOG.debug("UDP error", cause);
  }
}
