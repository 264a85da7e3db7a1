package org.rpzx.dist.serve;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
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
 * and counted, as the log keeps only the latest contact anyway. For the same reason a consumer's
 * SOA checks are written at most once per {@link #SOA_CHECK_INTERVAL_NANOS} unless the serial
 * changed: each write is a committed transaction, and a consumer's address sending SOA queries as
 * fast as the server answers them (a benchmark, a misconfigured resolver, a flood) would otherwise
 * queue one per query, take the store's write lock from submissions and halve the query rate.
 */
final class StoredTransferLog implements TransferLog, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StoredTransferLog.class);
  private static final int QUEUE = 4096;

  /** How often a consumer's SOA checks at an unchanged serial reach the store. */
  static final long SOA_CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** A consumer's last SOA check written: its serial and when (nanoTime). */
  private record SoaWritten(long serial, long nanos) {}

  private final ConsumerRegistry registry;
  private final Clock clock;
  private final ThreadPoolExecutor writer;
  private final AtomicLong dropped = new AtomicLong();
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, SoaWritten> soaWritten = new ConcurrentHashMap<>();

  StoredTransferLog(ConsumerRegistry registry, Clock clock) {
    this(registry, clock, System::nanoTime);
  }

  /**
   * @param nanoClock a monotonic clock in nanoseconds (tests pass a controlled one)
   */
  StoredTransferLog(ConsumerRegistry registry, Clock clock, LongSupplier nanoClock) {
    this.registry = registry;
    this.clock = clock;
    this.nanoClock = nanoClock;
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
    if (kind == TransferKind.SOA_QUERY && !soaCheckDue(event.consumer(), event.serial())) {
      return;
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

  /** Whether a SOA check of {@code consumer} at {@code serial} is to be written (and note it). */
  private boolean soaCheckDue(String consumer, long serial) {
    long now = nanoClock.getAsLong();
    boolean[] due = new boolean[1];
    soaWritten.compute(
        consumer,
        (c, last) -> {
          due[0] =
              last == null
                  || last.serial() != serial
                  || now - last.nanos() >= SOA_CHECK_INTERVAL_NANOS;
          return due[0] ? new SoaWritten(serial, now) : last;
        });
    return due[0];
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
