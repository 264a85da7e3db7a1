package org.rpzx.dist.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.rpzx.core.zone.PublishedZone;

/**
 * Gauges read from the published zone at scrape time: nothing to update on the publishing path, and
 * a scrape sees the snapshot and journal that are being served.
 */
final class ZoneMetrics {

  private ZoneMetrics() {}

  static void register(PrometheusRegistry registry, PublishedZone zone) {
    GaugeWithCallback.builder()
        .name("rpzx_zone_names")
        .help("Active names in the published zone (each is served as N and *.N).")
        .callback(cb -> cb.call(zone.current().nameCount()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("rpzx_zone_serial")
        .help("SOA serial of the published zone.")
        .callback(cb -> cb.call(zone.current().serial()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("rpzx_zone_journal_change_sets")
        .help("Change sets in the IXFR journal.")
        .callback(cb -> cb.call(zone.journal().size()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("rpzx_zone_journal_bytes")
        .help("Estimated size of the IXFR journal in bytes.")
        .callback(cb -> cb.call(zone.journal().bytes()))
        .register(registry);
  }
}
