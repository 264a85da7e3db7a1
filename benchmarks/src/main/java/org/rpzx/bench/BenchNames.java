package org.rpzx.bench;

import java.util.Set;

/** Public door to the synthetic name generators, for the side-by-side suite ({@code suite}). */
public final class BenchNames {

  private BenchNames() {}

  /** {@code count} distinct names shaped like a community blocklist ({@link BlocklistNames}). */
  public static Set<String> realistic(int count, long seed) {
    return BlocklistNames.realistic(count, seed);
  }
}
