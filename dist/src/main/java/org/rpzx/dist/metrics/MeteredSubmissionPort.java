package org.rpzx.dist.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.rpzx.core.name.RejectReason;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.RejectedLine;
import org.rpzx.core.submission.SenderCheck;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionPort;
import org.rpzx.core.submission.SubmissionReport;
import org.rpzx.core.submission.SubmissionRequest;

/**
 * Counts what passes through a {@link SubmissionPort}: sender checks by result, submissions by
 * channel and outcome, their lines by outcome and rejected lines by reason. A duplicate (the same
 * message delivered again) counts as a submission, but its lines were counted the first time; an
 * exception (the store failing) counts as outcome {@code error}.
 */
final class MeteredSubmissionPort implements SubmissionPort {

  static final String[] CHANNELS = {"smtp", "http"};
  static final String[] OUTCOMES = {
    "applied", "duplicate", "refused", "temporary_failure", "error"
  };

  private final SubmissionPort delegate;
  private final Counter senderChecks;
  private final Counter submissions;
  private final Counter lines;
  private final Counter rejectedLines;

  MeteredSubmissionPort(SubmissionPort delegate, PrometheusRegistry registry) {
    this.delegate = delegate;
    senderChecks =
        Counter.builder()
            .name("rpzx_sender_checks_total")
            .help("Checks whether a mail's sender may submit, by result.")
            .labelNames("result")
            .register(registry);
    senderChecks.initLabelValues("authorized");
    senderChecks.initLabelValues("unauthorized");
    submissions =
        Counter.builder()
            .name("rpzx_submissions_total")
            .help("Submissions by channel (smtp, http) and outcome.")
            .labelNames("channel", "outcome")
            .register(registry);
    lines =
        Counter.builder()
            .name("rpzx_submission_lines_total")
            .help(
                "Lines of applied submissions by channel and outcome (accepted, rejected, skipped).")
            .labelNames("channel", "outcome")
            .register(registry);
    rejectedLines =
        Counter.builder()
            .name("rpzx_submission_rejected_lines_total")
            .help("Rejected lines of applied submissions by reason code.")
            .labelNames("reason")
            .register(registry);
    for (String channel : CHANNELS) {
      for (String outcome : OUTCOMES) {
        submissions.initLabelValues(channel, outcome);
      }
      for (String outcome : new String[] {"accepted", "rejected", "skipped"}) {
        lines.initLabelValues(channel, outcome);
      }
    }
    for (RejectReason reason : RejectReason.values()) {
      rejectedLines.initLabelValues(reason.code());
    }
  }

  @Override
  public SenderCheck checkSender(String address, AuthMethod method) {
    SenderCheck check = delegate.checkSender(address, method);
    senderChecks
        .labelValues(check instanceof SenderCheck.Authorized ? "authorized" : "unauthorized")
        .inc();
    return check;
  }

  @Override
  public boolean keepsRawMessages() {
    return delegate.keepsRawMessages();
  }

  @Override
  public SubmissionOutcome submit(SubmissionRequest request) {
    String channel = request.channel();
    SubmissionOutcome outcome;
    try {
      outcome = delegate.submit(request);
    } catch (RuntimeException e) {
      submissions.labelValues(channel, "error").inc(); // the edge answers "try later"
      throw e;
    }
    if (outcome instanceof SubmissionOutcome.Applied applied) {
      SubmissionReport report = applied.report();
      if (report.duplicate()) {
        submissions.labelValues(channel, "duplicate").inc();
        return outcome;
      }
      submissions.labelValues(channel, "applied").inc();
      lines.labelValues(channel, "accepted").inc(report.accepted());
      lines.labelValues(channel, "rejected").inc(report.rejected());
      lines.labelValues(channel, "skipped").inc(report.skipped());
      for (RejectedLine line : report.rejectedLines()) {
        rejectedLines.labelValues(line.reason() == null ? "unknown" : line.reason().code()).inc();
      }
    } else if (outcome instanceof SubmissionOutcome.Refused) {
      submissions.labelValues(channel, "refused").inc();
    } else {
      submissions.labelValues(channel, "temporary_failure").inc();
    }
    return outcome;
  }
}
