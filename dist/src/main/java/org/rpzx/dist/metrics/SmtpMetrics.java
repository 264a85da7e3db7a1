package org.rpzx.dist.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.rpzx.smtp.SmtpEventListener;

/** SMTP sessions admitted and the receiver's deciding replies by code and class ({@code 5xx}). */
final class SmtpMetrics implements SmtpEventListener {

  private final Counter sessions;
  private final Counter replies;

  SmtpMetrics(PrometheusRegistry registry) {
    sessions =
        Counter.builder()
            .name("rpzx_smtp_sessions_total")
            .help("SMTP connections admitted.")
            .register(registry);
    replies =
        Counter.builder()
            .name("rpzx_smtp_replies_total")
            .help(
                "SMTP replies that carry a decision (connection, MAIL and RCPT refusals, every"
                    + " reply to the end of DATA), by class and code.")
            .labelNames("class", "code")
            .register(registry);
  }

  @Override
  public void sessionOpened() {
    sessions.inc();
  }

  @Override
  public void reply(int code) {
    replies.labelValues((code / 100) + "xx", Integer.toString(code)).inc();
  }
}
