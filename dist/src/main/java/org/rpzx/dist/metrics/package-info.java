/**
 * Prometheus metrics of a running rpzx: decorators of the ports the edges use ({@link
 * org.rpzx.core.submission.SubmissionPort}, the DNS server's transfer log and NOTIFY listener, the
 * SMTP receiver's event listener) that count, gauges read from the published zone, and the JVM's
 * own. {@link org.rpzx.dist.metrics.RpzxMetrics} holds them and writes the text exposition format
 * for {@code /metrics}. No series carries who submitted what: submissions are counted by channel,
 * never by institution (SPEC §7).
 */
package org.rpzx.dist.metrics;
