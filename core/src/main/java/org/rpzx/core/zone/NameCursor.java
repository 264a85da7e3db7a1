package org.rpzx.core.zone;

import java.util.List;

/**
 * A forward-only, allocation-free walk over the names of a snapshot in canonical DNS order (RFC
 * 4034 §6.1), made for the AXFR encoder. Not thread-safe: one cursor per transfer.
 *
 * <p>The current name is exposed in DNS wire format relative to the origin: length-prefixed labels,
 * leftmost label first, without the terminating root label. {@link #sharedSuffixLabels()} tells how
 * many of its rightmost labels it shares with the previous name, which is what a name compressor
 * needs.
 */
public interface NameCursor {

  /**
   * A cursor over names given as text in canonical order, such as the lists of a {@link ChangeSet}
   * (for the IXFR encoder); a repeated name is skipped.
   *
   * @throws IllegalArgumentException from {@link #next()} when a name is not a valid active name or
   *     is out of canonical order
   */
  static NameCursor over(List<String> names) {
    return new SourceCursor(new StringNameSource(names));
  }

  /** Advances to the next name; false when the walk is over. */
  boolean next();

  /** Wire bytes of the current name (valid until the next call to {@link #next()}). */
  byte[] wire();

  /** Number of valid bytes in {@link #wire()}. */
  int wireLength();

  /** Number of labels of the current name. */
  int labelCount();

  /** Rightmost labels shared with the previous name; 0 for the first name. */
  int sharedSuffixLabels();

  /** The current name as text, e.g. {@code host.example.org} (allocates; not for hot paths). */
  String name();
}
