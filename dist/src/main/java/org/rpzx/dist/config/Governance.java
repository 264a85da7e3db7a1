package org.rpzx.dist.config;

import java.util.List;

/**
 * Community governance (SPEC §8), the {@code governance:} section: participation, false-positive
 * reports and the plausibility guard.
 *
 * @param participation {@code warn} (flag institutions none of whose consumers checked the zone
 *     within {@code participationWindow}) or {@code refuse} (also refuse their mail)
 * @param falsePositiveSuppression how long a confirmed false positive stays suppressed
 * @param reportAddresses optional addresses that take false-positive reports by mail
 */
public record Governance(
    String participation,
    String participationWindow,
    String falsePositiveSuppression,
    List<String> reportAddresses,
    Plausibility plausibility) {

  /**
   * Holds a submission for operator review instead of applying it when, with at least {@code
   * minHistory} earlier submissions, its rejected share exceeds {@code maxRejectedShare} or its
   * line count exceeds {@code maxSizeFactor} times the institution's largest earlier one.
   */
  public record Plausibility(
      Boolean enabled, Double maxRejectedShare, Double maxSizeFactor, Integer minHistory) {}

  static Governance defaults() {
    return new Governance("warn", "7d", "90d", List.of(), new Plausibility(false, 0.5, 10.0, 5));
  }

  Governance withDefaults() {
    Governance d = defaults();
    Plausibility p = plausibility == null ? d.plausibility : plausibility;
    return new Governance(
        or(participation, d.participation),
        or(participationWindow, d.participationWindow),
        or(falsePositiveSuppression, d.falsePositiveSuppression),
        or(reportAddresses, d.reportAddresses),
        new Plausibility(
            or(p.enabled, d.plausibility.enabled),
            or(p.maxRejectedShare, d.plausibility.maxRejectedShare),
            or(p.maxSizeFactor, d.plausibility.maxSizeFactor),
            or(p.minHistory, d.plausibility.minHistory)));
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
