package org.rpzx.core.report;

/**
 * Which reports to list, newest first: with {@code status} (null: any), filed by {@code
 * reporterInstitutionId} (null: anyone, for the operator), at most {@code limit}.
 */
public record ReportFilter(ReportStatus status, Long reporterInstitutionId, int limit) {

  public ReportFilter {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }

  /** Every report, the newest {@code limit}. */
  public static ReportFilter all(int limit) {
    return new ReportFilter(null, null, limit);
  }
}
