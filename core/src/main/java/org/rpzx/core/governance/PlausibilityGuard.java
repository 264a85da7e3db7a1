package org.rpzx.core.governance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.rpzx.core.store.GovernanceStore.History;

/**
 * The plausibility guard (SPEC §8, quality control): once an institution has {@code minHistory}
 * applied submissions, a new one is held for operator review when more than {@code
 * maxRejectedShare} of its lines is rejected, or when it has more than {@code maxSizeFactor} times
 * the lines of the institution's largest applied submission so far. Lines are those that carry a
 * name, accepted or rejected; blank, comment and repeated lines do not count. Pure: no store, no
 * clock.
 */
public final class PlausibilityGuard {

  private final PlausibilitySettings settings;

  public PlausibilityGuard(PlausibilitySettings settings) {
    this.settings = settings;
  }

  /** Whether the guard runs at all. */
  public boolean enabled() {
    return settings.enabled();
  }

  public PlausibilityVerdict assess(int accepted, int rejected, History history) {
    if (!settings.enabled() || history.submissions() < settings.minHistory()) {
      return new PlausibilityVerdict.Plausible();
    }
    long lines = (long) accepted + rejected;
    if (lines > 0 && rejected > settings.maxRejectedShare() * lines) {
      return new PlausibilityVerdict.Hold(
          String.format(
              Locale.ROOT,
              "%d of %d lines rejected, more than %s",
              rejected,
              lines,
              percent(settings.maxRejectedShare())));
    }
    // an institution whose earlier submissions were all empty is measured against one line
    if (lines > settings.maxSizeFactor() * Math.max(1, history.largestLines())) {
      return new PlausibilityVerdict.Hold(
          String.format(
              Locale.ROOT,
              "%d lines, more than %s times the largest earlier submission (%d lines)",
              lines,
              number(settings.maxSizeFactor()),
              history.largestLines()));
    }
    return new PlausibilityVerdict.Plausible();
  }

  private static String percent(double share) {
    return number(share * 100) + "%";
  }

  /** {@code 10} rather than {@code 10.0}, {@code 12.5}; at most two decimals. */
  private static String number(double d) {
    return BigDecimal.valueOf(d)
        .setScale(2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
