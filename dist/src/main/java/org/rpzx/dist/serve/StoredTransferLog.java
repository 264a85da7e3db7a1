package org.rpzx.dist.serve;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.rpzx.core.consumer.ConsumerRegistry;
import org.rpzx.core.consumer.TransferKind;
import org.rpzx.core.consumer.TransferObservation;
import org.rpzx.dns.query.TransferEvent;
import org.rpzx.dns.query.TransferLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persists the DNS server's transfer events of known consumers in their transfer log. {@link
 * #record} runs on Netty I/O threads: it only hands the event to one writer thread through a
 * bounded queue and never blocks; when the queue is full (the store is stuck) events are dropped
 * and counted, as the log keeps only the latest contact anyway.
 */
final class StoredTransferLog implements TransferLog, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StoredTransferLog.class);
  private static final int QUEUE = 4096;

  private final ConsumerRegistry registry;
  private final Clock clock;
  private final ThreadPoolExecutor writer;
  private final AtomicLong dropped = new AtomicLong();

  StoredTransferLog(ConsumerRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    this.writer =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            new ThreadFactoryBuilder().setNameFormat("rpzx-transfer-log").setDaemon(true).build(),
            (r, executor) -> {
              if (dropped.getAndIncrement() % 1000 == 0) {
                LOG.warn("transfer log queue full: events dropped ({} so far)", dropped.get());
              }
            });
  }

  @Override
  public void record(TransferEvent event) {
    TransferKind kind = kind(event.kind());
    if (event.consumer() == null || kind == null) {
      return; // unknown sources and refusals are in the server log, not a consumer's log
    }
    TransferObservation o =
        new TransferObservation(
            event.consumer(),
            kind,
            event.serial(),
            event.bytes(),
            event.duration(),
            event.client().getHostAddress(),
            clock.instant(),
            event.complete());
    try {
      writer.execute(() -> store(o));
    } catch (RejectedExecutionException e) {
      dropped.incrementAndGet(); // shut down
    }
  }

  private void store(TransferObservation o) {
    try {
      registry.record(o);
    } catch (RuntimeException e) {
      LOG.warn("cannot record {} of {}: {}", o.kind().code(), o.consumer(), e.getMessage());
    }
  }

  static TransferKind kind(TransferEvent.Kind kind) {
    return switch (kind) {
      case SOA_QUERY -> TransferKind.SOA_QUERY;
      case AXFR -> TransferKind.AXFR;
      case IXFR_INCREMENTAL -> TransferKind.IXFR;
      case IXFR_UP_TO_DATE -> TransferKind.IXFR_UP_TO_DATE;
      case IXFR_FULL -> TransferKind.IXFR_FULL;
      case REFUSED -> null;
    };
  }

  /** Events dropped because the queue was full. */
  long dropped() {
    return dropped.get();
  }

  /** Writes what is queued (up to 5 s), then stops. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
        writer.shutdownNow();
      }
    } catch (InterruptedException e) {
      writer.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
