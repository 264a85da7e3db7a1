package org.rpzx.dist.api;

import java.util.Map;
import org.rpzx.dist.metrics.RpzxMetrics;

/**
 * {@code GET /metrics}: the Prometheus text format, without a token like {@code /healthz} (the
 * listener is loopback by default; the series carry counts, never who submitted what).
 */
public final class MetricsEndpoint implements Route.Handler {

  public static final String PATH = "/metrics";

  private final RpzxMetrics metrics;

  public MetricsEndpoint(RpzxMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    return new ApiResponse(200, metrics.scrape(), Map.of("Content-Type", RpzxMetrics.CONTENT_TYPE));
  }
}
