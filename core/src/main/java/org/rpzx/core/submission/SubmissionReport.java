package org.rpzx.core.submission;

import java.util.List;

/**
 * The result of an applied submission: its id, the counts, every rejected line and the serial of
 * the zone that contains its names. {@code duplicate} is true when the same message was already
 * stored and this is that earlier submission's report.
 */
public record SubmissionReport(
    long id,
    int accepted,
    int rejected,
    int skipped,
    List<RejectedLine> rejectedLines,
    boolean duplicate) {
  public SubmissionReport {
    rejectedLines = List.copyOf(rejectedLines);
  }

  /** The SMTP/HTTP summary, e.g. {@code submission 4711: 120 accepted, 3 rejected}. */
  public String summary() {
    return "submission " + id + ": " + accepted + " accepted, " + rejected + " rejected";
  }
}
