package org.rpzx.dist.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpzx.core.name.RejectReason;
import org.rpzx.core.store.StoreException;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.core.submission.RejectedLine;
import org.rpzx.core.submission.SenderCheck;
import org.rpzx.core.submission.SenderIdentity;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionPort;
import org.rpzx.core.submission.SubmissionReport;
import org.rpzx.core.submission.SubmissionRequest;

/** Each outcome a port can give is counted once, under its channel, and passed on unchanged. */
class MeteredSubmissionPortTest {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private SubmissionOutcome next;

  private final SubmissionPort core =
      new SubmissionPort() {
        @Override
        public SenderCheck checkSender(String address, AuthMethod method) {
          return new SenderCheck.Unauthorized("no");
        }

        @Override
        public SubmissionOutcome submit(SubmissionRequest request) {
          if (next == null) {
            throw new StoreException("disk full", null);
          }
          return next;
        }
      };

  private final SubmissionPort metered = new MeteredSubmissionPort(core, registry);

  private static SubmissionRequest request(String channel) {
    return new SubmissionRequest(
        new SenderIdentity(1, "Uni A", "cert@uni.example", AuthMethod.FROM_HEADER),
        channel,
        null,
        List.of(new DomainsFile("domains.txt", "a.example\n")));
  }

  private String text() {
    return PrometheusTextFormatWriter.create().toDebugString(registry.scrape());
  }

  @Test
  void everyOutcomeIsCountedAndPassedOn() {
    SubmissionReport report =
        new SubmissionReport(
            7,
            3,
            2,
            1,
            List.of(
                new RejectedLine(0, 2, "http://x/", RejectReason.URL, "a URL"),
                new RejectedLine(0, 4, "com", RejectReason.PUBLIC_SUFFIX, "a public suffix")),
            false);
    next = new SubmissionOutcome.Applied(report);
    assertThat(metered.submit(request("http"))).isSameAs(next);
    next = new SubmissionOutcome.Applied(new SubmissionReport(7, 3, 2, 1, List.of(), true));
    metered.submit(request("smtp"));
    next = new SubmissionOutcome.Refused("no attachment named domains.txt");
    metered.submit(request("smtp"));
    next = new SubmissionOutcome.TemporaryFailure("store busy");
    metered.submit(request("smtp"));
    next = null;
    assertThatThrownBy(() -> metered.submit(request("smtp"))).isInstanceOf(StoreException.class);
    assertThat(metered.checkSender("x@y.example", AuthMethod.FROM_HEADER))
        .isInstanceOf(SenderCheck.Unauthorized.class);

    assertThat(text())
        .contains("rpzx_submissions_total{channel=\"http\",outcome=\"applied\"} 1.0")
        .contains("rpzx_submissions_total{channel=\"smtp\",outcome=\"applied\"} 0.0")
        .contains("rpzx_submissions_total{channel=\"smtp\",outcome=\"duplicate\"} 1.0")
        .contains("rpzx_submissions_total{channel=\"smtp\",outcome=\"refused\"} 1.0")
        .contains("rpzx_submissions_total{channel=\"smtp\",outcome=\"temporary_failure\"} 1.0")
        .contains("rpzx_submissions_total{channel=\"smtp\",outcome=\"error\"} 1.0")
        .as("a duplicate's lines were counted the first time")
        .contains("rpzx_submission_lines_total{channel=\"http\",outcome=\"accepted\"} 3.0")
        .contains("rpzx_submission_lines_total{channel=\"http\",outcome=\"rejected\"} 2.0")
        .contains("rpzx_submission_lines_total{channel=\"http\",outcome=\"skipped\"} 1.0")
        .contains("rpzx_submission_lines_total{channel=\"smtp\",outcome=\"accepted\"} 0.0")
        .contains("rpzx_submission_rejected_lines_total{reason=\"url\"} 1.0")
        .contains("rpzx_submission_rejected_lines_total{reason=\"public-suffix\"} 1.0")
        .contains("rpzx_submission_rejected_lines_total{reason=\"idna\"} 0.0")
        .contains("rpzx_sender_checks_total{result=\"unauthorized\"} 1.0")
        .doesNotContain("Uni A")
        .doesNotContain("cert@uni.example");
  }
}
