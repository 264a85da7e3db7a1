package org.rpzx.dist.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpzx.dns.notify.NotifyListener;
import org.rpzx.dns.notify.NotifyResult;
import org.rpzx.dns.query.TransferEvent;
import org.rpzx.dns.query.TransferLog;

/** Transfers and NOTIFY results are counted by kind/outcome and consumer, then passed on. */
class DnsMetricsTest {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final DnsMetrics dns = new DnsMetrics(registry);

  private String text() {
    return PrometheusTextFormatWriter.create().toDebugString(registry.scrape());
  }

  @Test
  void transfersByKindAndConsumerUnknownSourcesAsDash() throws Exception {
    List<TransferEvent> passed = new ArrayList<>();
    TransferLog log = dns.transferLog(passed::add);
    InetAddress client = InetAddress.getLoopbackAddress();
    TransferEvent axfr =
        new TransferEvent(
            client, "uni-a", TransferEvent.Kind.AXFR, 5, 1200, Duration.ofMillis(3), true);
    log.record(axfr);
    log.record(axfr);
    log.record(
        new TransferEvent(client, null, TransferEvent.Kind.REFUSED, 0, 40, Duration.ZERO, true));
    log.record(
        new TransferEvent(
            client, "uni-a", TransferEvent.Kind.SOA_QUERY, 5, 80, Duration.ZERO, true));
    assertThat(passed).hasSize(4).startsWith(axfr);
    assertThat(text())
        .contains("rpzx_dns_transfers_total{consumer=\"uni-a\",kind=\"axfr\"} 2.0")
        .contains("rpzx_dns_transfers_total{consumer=\"-\",kind=\"refused\"} 1.0")
        .contains("rpzx_dns_transfers_total{consumer=\"uni-a\",kind=\"soa_query\"} 1.0")
        .contains("rpzx_dns_transfer_bytes_total{kind=\"axfr\"} 2400.0");
  }

  @Test
  void notifyResultsByConsumerAndOutcome() {
    List<NotifyResult> passed = new ArrayList<>();
    NotifyListener listener = dns.notifyListener(passed::add);
    InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5300);
    for (NotifyResult.Outcome o :
        List.of(
            NotifyResult.Outcome.ACKNOWLEDGED,
            NotifyResult.Outcome.SUPERSEDED,
            NotifyResult.Outcome.GAVE_UP,
            NotifyResult.Outcome.ACKNOWLEDGED)) {
      listener.notifyResult(new NotifyResult(target, "uni-a", 7, 1, o, Duration.ZERO, ""));
    }
    assertThat(passed).hasSize(4);
    assertThat(text())
        .contains("rpzx_dns_notify_total{consumer=\"uni-a\",outcome=\"acknowledged\"} 2.0")
        .contains("rpzx_dns_notify_total{consumer=\"uni-a\",outcome=\"superseded\"} 1.0")
        .contains("rpzx_dns_notify_total{consumer=\"uni-a\",outcome=\"gave_up\"} 1.0");
  }
}
