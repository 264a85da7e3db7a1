package org.rpzx.dns.query;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetAddress;
import java.time.Duration;
import org.rpzx.dns.wire.ResponseStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts the bytes of a transfer stream and records its {@link TransferEvent} when it ends. */
final class MeteredStream implements ResponseStream {

  private static final Logger LOG = LoggerFactory.getLogger(MeteredStream.class);

  private final ResponseStream delegate;
  private final TransferLog log;
  private final InetAddress client;
  private final String consumer;
  private final TransferEvent.Kind kind;
  private final long serial;
  private final long startNanos;
  private long bytes;
  private boolean finished;

  MeteredStream(
      ResponseStream delegate,
      TransferLog log,
      InetAddress client,
      String consumer,
      TransferEvent.Kind kind,
      long serial,
      long startNanos) {
    this.delegate = delegate;
    this.log = log;
    this.client = client;
    this.consumer = consumer;
    this.kind = kind;
    this.serial = serial;
    this.startNanos = startNanos;
  }

  @Override
  public boolean hasNext() {
    return delegate.hasNext();
  }

  @Override
  public ByteBuf next(ByteBufAllocator alloc) {
    ByteBuf b = delegate.next(alloc);
    bytes += b.readableBytes();
    return b;
  }

  @Override
  public void finished(boolean complete) {
    if (finished) {
      return;
    }
    finished = true;
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    if (!complete) {
      LOG.info("{} to {} ended early after {} bytes", kind, client.getHostAddress(), bytes);
    }
    try {
      log.record(new TransferEvent(client, consumer, kind, serial, bytes, took, complete));
    } catch (RuntimeException e) {
      LOG.warn("transfer log failed", e);
    }
    delegate.finished(complete);
  }
}
