package org.rpzx.core.governance;

import java.time.Instant;
import java.util.Map;

/**
 * How an institution's submissions fared over a window (SPEC §8, quality control).
 *
 * @param institution its name
 * @param since start of the window (submissions received at or after it count)
 * @param until end of the window (now)
 * @param submissions submissions received in the window, whatever became of them
 * @param held of those, still held for operator review
 * @param discarded of those, held and then discarded by the operator
 * @param linesAccepted lines accepted by validation (of held and discarded submissions too)
 * @param linesRejected lines rejected
 * @param rejectedByReason rejected lines by reason code, every code present (zero when none)
 * @param linesSkipped blank, comment and repeated lines
 * @param falsePositives submitted names later confirmed as false positives
 * @param topSitesShare the share of lines carrying a name (accepted + rejected) that were rejected
 *     as {@code top-sites}; 0 without such lines
 */
public record QualityStats(
    String institution,
    Instant since,
    Instant until,
    int submissions,
    int held,
    int discarded,
    long linesAccepted,
    long linesRejected,
    Map<String, Long> rejectedByReason,
    long linesSkipped,
    long falsePositives,
    double topSitesShare) {

  public QualityStats {
    rejectedByReason =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rejectedByReason));
  }
}
