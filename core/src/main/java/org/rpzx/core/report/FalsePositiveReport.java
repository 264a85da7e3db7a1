package org.rpzx.core.report;

import java.time.Instant;

/**
 * A false-positive report as stored. {@code name} is the listed entry the report is about; {@code
 * reportedName} the (normalised) name the reporter gave, which is {@code name} or a name its
 * wildcard covers. {@code reporterInstitutionId} and {@code reporterInstitution} are null for the
 * operator's own reports; {@code reporter} says through which token or sender it came. Decision
 * fields are null while the report is open. Nothing here says who submitted the name.
 */
public record FalsePositiveReport(
    long id,
    String name,
    String reportedName,
    String reason,
    String channel,
    ReportStatus status,
    Long reporterInstitutionId,
    String reporterInstitution,
    String reporter,
    Instant filedAt,
    Instant decidedAt,
    String decidedBy,
    String note) {

  public boolean isOpen() {
    return status == ReportStatus.OPEN;
  }
}
