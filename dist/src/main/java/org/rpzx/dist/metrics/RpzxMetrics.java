package org.rpzx.dist.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.rpzx.core.submission.SubmissionPort;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.dns.notify.NotifyListener;
import org.rpzx.dns.query.TransferLog;
import org.rpzx.smtp.SmtpEventListener;

/**
 * The metrics of one running rpzx, in a registry of its own (two services in one JVM, as in tests,
 * do not mix their counts), plus the JVM's, registered once per process in a shared registry: the
 * JVM collectors attach listeners to the platform beans that are never removed.
 *
 * <pre>{@code
 * RpzxMetrics metrics = RpzxMetrics.create();
 * SubmissionPort port = metrics.meter(submissionService);
 * metrics.watch(zone);
 * String text = metrics.scrape();
 * }</pre>
 */
public final class RpzxMetrics {

  /** The content type of {@link #scrape()}: Prometheus text format 0.0.4. */
  public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private static final PrometheusRegistry JVM = new PrometheusRegistry();
  private static boolean jvmRegistered;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final DnsMetrics dns = new DnsMetrics(registry);
  private final SmtpMetrics smtp = new SmtpMetrics(registry);

  private RpzxMetrics() {}

  /** Metrics of a new service, with the JVM's. */
  public static RpzxMetrics create() {
    registerJvm();
    return new RpzxMetrics();
  }

  private static synchronized void registerJvm() {
    if (!jvmRegistered) {
      JvmMetrics.builder().register(JVM);
      jvmRegistered = true;
    }
  }

  /** {@code port}, counting sender checks, submissions and their lines (once per service). */
  public SubmissionPort meter(SubmissionPort port) {
    return new MeteredSubmissionPort(port, registry);
  }

  /** {@code next}, counting transfers and SOA checks first. */
  public TransferLog transferLog(TransferLog next) {
    return dns.transferLog(next);
  }

  /** {@code next}, counting NOTIFY results first. */
  public NotifyListener notifyListener(NotifyListener next) {
    return dns.notifyListener(next);
  }

  /** The listener that counts SMTP sessions and replies. */
  public SmtpEventListener smtpEvents() {
    return smtp;
  }

  /** Adds the gauges of {@code zone}: names, serial, journal. */
  public void watch(PublishedZone zone) {
    ZoneMetrics.register(registry, zone);
  }

  /** Every series in the Prometheus text format: this service's, then the JVM's. */
  public String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      writer.write(out, registry.scrape());
      writer.write(out, JVM.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
