package org.rpzx.core.governance;

import java.time.Instant;

/**
 * Counts the names an institution submitted that were later confirmed as false positives, for
 * {@link QualityReport}. The false-positive reports live elsewhere; whoever owns them supplies an
 * implementation. Until then {@link #NONE} counts nothing.
 */
@FunctionalInterface
public interface FalsePositiveCounter {

  /** Never counts anything: no false-positive reports are known. */
  FalsePositiveCounter NONE = (institutionId, since, until) -> 0;

  /**
   * Distinct names that institution {@code institutionId} submitted (accepted) in a submission
   * received from {@code since} to {@code until} and that the operator has confirmed as false
   * positives (at any time up to now).
   */
  long confirmedFalsePositives(long institutionId, Instant since, Instant until);
}
