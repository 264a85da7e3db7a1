package org.rpzx.core.governance;

import java.time.Duration;

/** A window as people say it in a reply: {@code 7 days}, {@code 1 day}, {@code 36 hours}. */
final class DurationText {

  private DurationText() {}

  static String of(Duration d) {
    long s = d.getSeconds();
    if (s > 0 && s % 86_400 == 0) {
      return plural(s / 86_400, "day");
    }
    if (s > 0 && s % 3_600 == 0) {
      return plural(s / 3_600, "hour");
    }
    if (s > 0 && s % 60 == 0) {
      return plural(s / 60, "minute");
    }
    return plural(Math.max(s, 0), "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
