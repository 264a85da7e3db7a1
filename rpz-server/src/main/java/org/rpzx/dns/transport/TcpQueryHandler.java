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
import java.util.concurrent.TimeUnit;
import org.rpzx.dns.query.QueryProcessor;
import org.rpzx.dns.query.Reply;
import org.rpzx.dns.wire.ResponseStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection (RFC 7766): queries (already de-framed) are answered strictly in order; a
 * multi-message transfer is written one message at a time while the channel is writable, so a slow
 * reader holds at most the write buffer's high-water mark in memory, and the next query's answer
 * waits until the transfer is complete. Too many queued queries pause reading. A transfer encodes
 * only while it holds a permit of the server's {@link TransferGate}, one burst at a time.
 */
public final class TcpQueryHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(TcpQueryHandler.class);

  /** Messages one transfer writes before it lets the others in line have a turn. */
  static final int MAX_BURST = 8;

  /** How long a transfer waits before it asks again while UDP queries queue up. */
  static final long YIELD_MICROS = 1000;

  /**
   * Waits in a row after which a transfer writes one burst anyway: a UDP flood beyond what the
   * server can answer must slow transfers down, not stop them (at least one burst per ~10 ms).
   */
  static final int MAX_YIELDS = 10;

  private final QueryProcessor processor;
  private final int maxQueued;
  private final TransferGate gate;
  private final ArrayDeque<byte[]> queued = new ArrayDeque<>();
  private final Runnable granted = this::permitHandedOver;
  private ChannelHandlerContext ctx;
  private ResponseStream active;
  private boolean activeTransfer;
  private boolean permit;
  private boolean waitingForPermit;
  private boolean draining;
  private boolean drainAgain;
  private boolean yielding;
  private int yieldsInARow;

  /**
   * A handler whose transfers never wait for each other.
   *
   * @param maxQueued queries waiting behind the one being answered before reading pauses
   */
  public TcpQueryHandler(QueryProcessor processor, int maxQueued) {
    this(processor, maxQueued, TransferGate.unlimited());
  }

  /**
   * @param maxQueued queries waiting behind the one being answered before reading pauses
   * @param gate the server's bound on transfers encoding at once
   */
  public TcpQueryHandler(QueryProcessor processor, int maxQueued, TransferGate gate) {
    this.processor = processor;
    this.maxQueued = Math.max(1, maxQueued);
    this.gate = gate;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
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
    releasePermit();
    if (waitingForPermit && gate.cancel(granted)) {
      waitingForPermit = false; // else the permit is on its way and is given back on arrival
    }
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
      if (activeTransfer && !permit) {
        if (!ctx.channel().isWritable()) {
          break; // resumed by channelWritabilityChanged
        }
        if (!waitingForPermit && (yielding || mustYield())) {
          yieldToQueries(ctx);
          break; // resumed by the scheduled drain
        }
        if (waitingForPermit || !gate.acquire(granted)) {
          waitingForPermit = true;
          break; // resumed by permitHandedOver
        }
        permit = true;
      }
      int burst = 0;
      while (active.hasNext() && ctx.channel().isWritable() && burst < MAX_BURST) {
        ResponseStream stream = active;
        ChannelFuture written = ctx.write(stream.next(ctx.alloc()));
        written.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        if (!stream.hasNext()) {
          written.addListener(f -> stream.finished(f.isSuccess()));
        }
        wrote = true;
        burst++;
      }
      releasePermit();
      if (active.hasNext()) {
        if (ctx.channel().isWritable()) {
          ctx.executor().execute(() -> drain(ctx)); // a full burst: the others' turn first
        }
        break; // else resumed by channelWritabilityChanged
      }
      active = null;
      activeTransfer = false;
    }
    return wrote;
  }

  private boolean mustYield() {
    if (gate.yieldingToQueries() && yieldsInARow < MAX_YIELDS) {
      yieldsInARow++;
      return true;
    }
    yieldsInARow = 0;
    return false;
  }

  /** Encodes nothing for a while: the event loop thread sleeps and the UDP threads catch up. */
  private void yieldToQueries(ChannelHandlerContext ctx) {
    if (!yielding) {
      yielding = true;
      ctx.executor()
          .schedule(
              () -> {
                yielding = false;
                drain(ctx);
              },
              YIELD_MICROS,
              TimeUnit.MICROSECONDS);
    }
  }

  /** Runs on any thread when the gate hands this connection a permit. */
  private void permitHandedOver() {
    ctx.executor()
        .execute(
            () -> {
              waitingForPermit = false;
              if (!ctx.channel().isActive() || !activeTransfer) {
                gate.release();
                return;
              }
              permit = true;
              drain(ctx);
            });
  }

  private void releasePermit() {
    if (permit) {
      permit = false;
      gate.release();
    }
  }

  private ResponseStream streamFor(byte[] query, ChannelHandlerContext ctx) {
    InetAddress client = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    Reply reply = processor.process(query, client, true);
    if (reply instanceof Reply.Stream s) {
      activeTransfer = true;
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
