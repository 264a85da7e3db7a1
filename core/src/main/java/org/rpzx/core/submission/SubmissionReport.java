package org.rpzx.core.submission;

import java.util.List;

/**
 * The result of a stored submission: its id, the counts and every rejected line. {@code duplicate}
 * is true when the same message was already stored and this is that earlier submission's report.
 * {@code holdReason} is not null when the plausibility guard held the submission for operator
 * review instead of applying it (SPEC §8); {@code warnings} are governance notices for the
 * submitter (e.g. its institution is not participating), shown in the HTTP answer but not in {@link
 * #summary()}: the SMTP reply keeps the form SPEC §2 gives it.
 */
public record SubmissionReport(
    long id,
    int accepted,
    int rejected,
    int skipped,
    List<RejectedLine> rejectedLines,
    boolean duplicate,
    String holdReason,
    List<String> warnings) {
  public SubmissionReport {
    rejectedLines = List.copyOf(rejectedLines);
    warnings = List.copyOf(warnings);
  }

  /** An applied submission without governance notices. */
  public SubmissionReport(
      long id,
      int accepted,
      int rejected,
      int skipped,
      List<RejectedLine> rejectedLines,
      boolean duplicate) {
    this(id, accepted, rejected, skipped, rejectedLines, duplicate, null, List.of());
  }

  /** Whether the submission is held for operator review: stored, its names not in the zone. */
  public boolean held() {
    return holdReason != null;
  }

  /** This report with {@code warning} added. */
  public SubmissionReport withWarning(String warning) {
    List<String> all = new java.util.ArrayList<>(warnings);
    all.add(warning);
    return new SubmissionReport(
        id, accepted, rejected, skipped, rejectedLines, duplicate, holdReason, all);
  }

  /**
   * The SMTP/HTTP summary, e.g. {@code submission 4711: 120 accepted, 3 rejected}, followed by
   * {@code ; held for operator review (REASON)} for a held submission. It names no sender and no
   * institution, so edges may log it at the default level (SPEC §7).
   */
  public String summary() {
    String counts = "submission " + id + ": " + accepted + " accepted, " + rejected + " rejected";
    return held() ? counts + "; held for operator review (" + holdReason + ")" : counts;
  }
}
