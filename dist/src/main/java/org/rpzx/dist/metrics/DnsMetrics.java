package org.rpzx.dist.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Locale;
import org.rpzx.dns.notify.NotifyListener;
import org.rpzx.dns.notify.NotifyResult;
import org.rpzx.dns.query.TransferEvent;
import org.rpzx.dns.query.TransferLog;

/**
 * Transfers and SOA checks by kind and consumer, and NOTIFY results by consumer and outcome, as
 * decorators of the DNS server's {@link TransferLog} and the NOTIFY sender's {@link
 * NotifyListener}. Both run on Netty I/O threads: a counter increment is all they add. A source
 * that is no known consumer is counted as consumer {@value #NO_CONSUMER} (consumer names start with
 * a letter or digit, so it cannot clash with one).
 */
final class DnsMetrics {

  static final String NO_CONSUMER = "-";

  private final Counter transfers;
  private final Counter transferBytes;
  private final Counter notifies;

  DnsMetrics(PrometheusRegistry registry) {
    transfers =
        Counter.builder()
            .name("rpzx_dns_transfers_total")
            .help(
                "Zone transfers and SOA checks answered, by kind (soa_query, axfr, ixfr_incremental,"
                    + " ixfr_up_to_date, ixfr_full, refused) and consumer.")
            .labelNames("kind", "consumer")
            .register(registry);
    transferBytes =
        Counter.builder()
            .name("rpzx_dns_transfer_bytes_total")
            .help("Bytes written for transfers and SOA checks, by kind.")
            .labelNames("kind")
            .register(registry);
    notifies =
        Counter.builder()
            .name("rpzx_dns_notify_total")
            .help(
                "NOTIFY of a serial to a consumer's target, by how it ended (acknowledged,"
                    + " rejected, gave_up, superseded, not_sent).")
            .labelNames("consumer", "outcome")
            .register(registry);
  }

  /** Counts every event, then hands it to {@code next}. */
  TransferLog transferLog(TransferLog next) {
    return event -> {
      String kind = kind(event.kind());
      transfers.labelValues(kind, consumer(event.consumer())).inc();
      transferBytes.labelValues(kind).inc(event.bytes());
      next.record(event);
    };
  }

  /** Counts every result, then hands it to {@code next}. */
  NotifyListener notifyListener(NotifyListener next) {
    return result -> {
      count(result);
      next.notifyResult(result);
    };
  }

  private void count(NotifyResult r) {
    notifies.labelValues(consumer(r.consumer()), r.outcome().name().toLowerCase(Locale.ROOT)).inc();
  }

  private static String consumer(String name) {
    return name == null || name.isEmpty() ? NO_CONSUMER : name;
  }

  /** The label value of {@code kind}, as the series spell it. */
  static String kind(TransferEvent.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
