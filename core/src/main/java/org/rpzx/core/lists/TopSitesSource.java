package org.rpzx.core.lists;

import java.nio.file.Path;

/**
 * Where the Top-N list comes from: a Tranco CSV file (plain, gzip or zip; detected from its
 * content), or the bundled top 10 000 when {@code file} is null. While the file does not exist, the
 * bundled list is used; see {@link NameLists}.
 *
 * @param n the rank cut-off: rows of rank 1 to {@code n} are kept
 */
public record TopSitesSource(Path file, int n) {

  public TopSitesSource {
    if (n < 1) {
      throw new IllegalArgumentException("the Top-N size must be at least 1, got " + n);
    }
  }

  public static TopSitesSource bundled(int n) {
    return new TopSitesSource(null, n);
  }

  public boolean isBundled() {
    return file == null;
  }
}
