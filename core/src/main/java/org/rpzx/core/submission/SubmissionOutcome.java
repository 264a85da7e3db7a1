package org.rpzx.core.submission;

/** What happened to a submission. Edges map each case to their protocol's reply. */
public sealed interface SubmissionOutcome {

  /**
   * Durably stored and applied (SMTP 250, HTTP 201), or stored and held for operator review by the
   * plausibility guard ({@link SubmissionReport#held()}: SMTP 250 saying so, HTTP 202).
   */
  record Applied(SubmissionReport report) implements SubmissionOutcome {}

  /** Refused for good, e.g. no {@code domains.txt} (SMTP 550, HTTP 400/403). */
  record Refused(String reason) implements SubmissionOutcome {}

  /** Could not be stored now; the sender should retry (SMTP 451, HTTP 503). Nothing was kept. */
  record TemporaryFailure(String reason) implements SubmissionOutcome {}
}
