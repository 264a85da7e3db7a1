package org.rpzx.core.governance;

/**
 * The plausibility guard's thresholds (see {@link PlausibilityGuard}).
 *
 * @param enabled whether the guard runs at all (off by default)
 * @param maxRejectedShare held when more than this share (0..1) of the lines is rejected
 * @param maxSizeFactor held when it has more than this many times the lines of the largest earlier
 *     submission (at least 1)
 * @param minHistory the guard applies once the institution has this many earlier applied
 *     submissions
 */
public record PlausibilitySettings(
    boolean enabled, double maxRejectedShare, double maxSizeFactor, int minHistory) {

  public PlausibilitySettings {
    if (!(maxRejectedShare >= 0 && maxRejectedShare <= 1)) {
      throw new IllegalArgumentException("max rejected share must be within 0..1");
    }
    if (!(maxSizeFactor >= 1) || Double.isInfinite(maxSizeFactor)) {
      throw new IllegalArgumentException("max size factor must be a number of at least 1");
    }
    if (minHistory < 1) {
      throw new IllegalArgumentException("min history must be at least 1");
    }
  }

  /** Off; the thresholds are the documented defaults (0.5, 10, 5). */
  public static PlausibilitySettings disabled() {
    return new PlausibilitySettings(false, 0.5, 10.0, 5);
  }
}
