package org.rpzx.dns.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * De-frames DNS messages on TCP (RFC 1035 §4.2.2: a two-octet length, then the message) and gives
 * each message a deadline: once its first byte has arrived, the whole message must arrive within
 * {@code messageTimeoutMillis}, or the connection is closed. The idle timeout alone does not do
 * this: a client that drips one byte every few seconds resets it forever and holds one of the
 * server's TCP connection slots (found by the load harness's slow clients).
 */
public final class TcpMessageFramer extends LengthFieldBasedFrameDecoder {

  private static final Logger LOG = LoggerFactory.getLogger(TcpMessageFramer.class);

  private final long messageTimeoutMillis;
  private ScheduledFuture<?> deadline;

  /**
   * @param messageTimeoutMillis time from a message's first byte to its last
   */
  public TcpMessageFramer(long messageTimeoutMillis) {
    super(65535, 0, 2, 0, 2);
    if (messageTimeoutMillis <= 0) {
      throw new IllegalArgumentException("message timeout must be positive");
    }
    this.messageTimeoutMillis = messageTimeoutMillis;
  }

  @Override
  protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
    Object frame = super.decode(ctx, in);
    if (frame != null) {
      cancelDeadline(); // a message is complete: the next one gets its own deadline
    } else if (in.isReadable() && deadline == null && ctx.channel().isActive()) {
      deadline =
          ctx.executor().schedule(() -> expire(ctx), messageTimeoutMillis, TimeUnit.MILLISECONDS);
    }
    return frame;
  }

  private void expire(ChannelHandlerContext ctx) {
    deadline = null;
    LOG.debug(
        "closing TCP connection {}: a message did not arrive within {} ms of its first byte",
        ctx.channel().remoteAddress(),
        messageTimeoutMillis);
    ctx.close();
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) throws Exception {
    cancelDeadline();
    super.handlerRemoved0(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancelDeadline();
    super.channelInactive(ctx);
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }
}
