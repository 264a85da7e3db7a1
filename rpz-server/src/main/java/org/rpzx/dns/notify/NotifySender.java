package org.rpzx.dns.notify;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.rpzx.core.zone.Serial;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneView;
import org.rpzx.dns.access.ConsumerDirectory;
import org.rpzx.dns.access.ConsumerInfo;
import org.rpzx.dns.notify.NotifyResult.Outcome;
import org.rpzx.dns.tsig.TsigKey;
import org.rpzx.dns.tsig.TsigKeyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;

/**
 * Sends NOTIFY (RFC 1996) over UDP to every target of every consumer when the serial changes,
 * signed with the consumer's TSIG key when it has one. Each target is retried after {@code
 * firstRetry}, then twice as long each time, until a matching answer arrives (same id, QR, opcode
 * NOTIFY; its TSIG verified when signed) or {@code maxAttempts} sends went unanswered. A newer
 * serial replaces what is pending for a target. Results go to a {@link NotifyListener}.
 *
 * <p>All state lives on one event-loop thread; {@link #serialChanged} may be called from any thread
 * and returns at once. Coalescing of changes happens upstream (one call per serial).
 */
public final class NotifySender implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NotifySender.class);

  private final ZoneView zone;
  private final ConsumerDirectory consumers;
  private final TsigKeyring keyring;
  private final NotifySettings settings;
  private final NotifyListener listener;
  private final Clock clock;
  private final EventLoopGroup group;
  private final SecureRandom random = new SecureRandom();
  private final Map<InetSocketAddress, PendingNotify> pending = new HashMap<>();
  private Channel channel;

  private NotifySender(
      ZoneView zone,
      ConsumerDirectory consumers,
      TsigKeyring keyring,
      NotifySettings settings,
      NotifyListener listener,
      Clock clock) {
    this.zone = zone;
    this.consumers = consumers;
    this.keyring = keyring;
    this.settings = settings;
    this.listener = listener;
    this.clock = clock;
    this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  }

  /**
   * Binds the UDP socket NOTIFY is sent from and answers arrive at.
   *
   * @param zone where the zone's SOA parameters come from
   * @param consumers whose {@link ConsumerInfo#notifyTargets()} are notified
   * @param keyring keys of consumers that have one
   * @throws IOException when the source address cannot be bound
   */
  public static NotifySender start(
      ZoneView zone,
      ConsumerDirectory consumers,
      TsigKeyring keyring,
      NotifySettings settings,
      NotifyListener listener)
      throws IOException {
    return start(zone, consumers, keyring, settings, listener, Clock.systemUTC());
  }

  /**
   * As {@link #start(ZoneView, ConsumerDirectory, TsigKeyring, NotifySettings, NotifyListener)}.
   */
  public static NotifySender start(
      ZoneView zone,
      ConsumerDirectory consumers,
      TsigKeyring keyring,
      NotifySettings settings,
      NotifyListener listener,
      Clock clock)
      throws IOException {
    NotifySender sender = new NotifySender(zone, consumers, keyring, settings, listener, clock);
    ChannelFuture bound =
        new Bootstrap()
            .group(sender.group)
            .channel(NioDatagramChannel.class)
            .handler(sender.new AnswerHandler())
            .bind(settings.source())
            .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      sender.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      throw new IOException("cannot bind NOTIFY source " + settings.source(), bound.cause());
    }
    sender.channel = bound.channel();
    return sender;
  }

  /** The address NOTIFY leaves from. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) channel.localAddress();
  }

  /**
   * Announces {@code serial} to every consumer's targets. A target still waiting for an older
   * serial's answer gets the new one instead; one already being notified of this serial is left
   * alone.
   */
  public void serialChanged(long serial) {
    group.next().execute(() -> announce(serial));
  }

  private void announce(long serial) {
    ZoneSettings zoneSettings = zone.current().settings();
    for (ConsumerInfo c : consumers.consumers()) {
      for (InetSocketAddress target : c.notifyTargets()) {
        PendingNotify old = pending.get(target);
        if (old != null) {
          if (old.serial == serial || Serial.isNewer(old.serial, serial)) {
            continue; // already announcing this (or a newer) serial
          }
          end(old, Outcome.SUPERSEDED, "serial " + serial + " replaces it");
        }
        begin(c, target, serial, zoneSettings);
      }
    }
  }

  private void begin(ConsumerInfo c, InetSocketAddress target, long serial, ZoneSettings s) {
    long start = System.nanoTime();
    TSIG key = null;
    if (c.tsigKey().isPresent()) {
      Optional<TsigKey> k = keyring.find(c.tsigKey().get());
      if (k.isEmpty()) {
        report(target, c.name(), serial, 0, Outcome.NOT_SENT, start, "no key " + c.tsigKey().get());
        return;
      }
      key = k.get().toTsig(clock);
    }
    int id = random.nextInt(0x10000);
    Message m = NotifyMessages.notify(id, s, serial);
    if (key != null) {
      key.apply(m, null);
    }
    PendingNotify p =
        new PendingNotify(target, c.name(), serial, id, m.toWire(), key, m.getTSIG(), start);
    pending.put(target, p);
    send(p);
  }

  private void send(PendingNotify p) {
    p.attempts++;
    channel
        .writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(p.wire), p.target))
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                LOG.debug("NOTIFY to {} not sent: {}", p.target, f.cause().toString());
              }
            });
    long waitMillis = settings.firstRetry().toMillis() << (p.attempts - 1);
    p.retry = channel.eventLoop().schedule(() -> retry(p), waitMillis, TimeUnit.MILLISECONDS);
  }

  private void retry(PendingNotify p) {
    if (pending.get(p.target) != p) {
      return;
    }
    if (p.attempts >= settings.maxAttempts()) {
      end(p, Outcome.GAVE_UP, "no answer to " + p.attempts + " sends");
      return;
    }
    send(p);
  }

  private void answered(InetSocketAddress from, byte[] wire) {
    Message response;
    try {
      response = new Message(wire);
    } catch (IOException | RuntimeException e) {
      LOG.debug("unparseable answer from {}", from);
      return;
    }
    for (PendingNotify p : new ArrayList<>(pending.values())) {
      if (!NotifyMessages.sameEndpoint(p.target, from) || !NotifyMessages.answers(response, p.id)) {
        continue;
      }
      int rcode = response.getRcode();
      if (rcode != Rcode.NOERROR) {
        end(p, Outcome.REJECTED, Rcode.string(rcode));
        return;
      }
      if (p.key != null) {
        int verified = p.key.verify(response, wire, p.requestTsig);
        if (verified != Rcode.NOERROR) {
          LOG.info("NOTIFY answer from {} failed TSIG: {}", from, Rcode.TSIGstring(verified));
          return; // keep retrying: a forged or broken answer is no acknowledgement
        }
      }
      end(p, Outcome.ACKNOWLEDGED, "");
      return;
    }
    LOG.debug("unexpected answer from {} (id {})", from, response.getHeader().getID());
  }

  private void end(PendingNotify p, Outcome outcome, String detail) {
    pending.remove(p.target, p);
    if (p.retry != null) {
      p.retry.cancel(false);
    }
    report(p.target, p.consumer, p.serial, p.attempts, outcome, p.startNanos, detail);
  }

  private void report(
      InetSocketAddress target,
      String consumer,
      long serial,
      int attempts,
      Outcome outcome,
      long startNanos,
      String detail) {
    if (outcome != Outcome.ACKNOWLEDGED) {
      LOG.info("NOTIFY serial {} to {} ({}): {} {}", serial, target, consumer, outcome, detail);
    }
    NotifyResult r =
        new NotifyResult(
            target,
            consumer,
            serial,
            attempts,
            outcome,
            Duration.ofNanos(System.nanoTime() - startNanos),
            detail);
    try {
      listener.notifyResult(r);
    } catch (RuntimeException e) {
      LOG.warn("NOTIFY listener failed", e);
    }
  }

  /** Targets still waiting for an answer (for tests and status). */
  public int pendingTargets() {
    try {
      return group.next().submit(pending::size).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("NOTIFY event loop not answering", e);
    }
  }

  /** Stops sending; pending NOTIFYs are dropped without a result. */
  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Answers from secondaries. */
  private final class AnswerHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      answered(packet.sender(), ByteBufUtil.getBytes(packet.content()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("NOTIFY socket error", cause); // e.g. ICMP port unreachable; keep the socket
    }
  }
}
