package org.rpzx.core.zone;

/**
 * A stream of distinct names in strictly increasing canonical order feeding {@link
 * LabelTrieBuilder}. The current name is valid until the next call to {@link #next()}.
 */
interface SortedNameSource {

  /**
   * Advances to the next name; false at the end.
   *
   * @throws IllegalArgumentException if the input is invalid or out of order
   */
  boolean next();

  /** The current name. */
  WireName current();

  /** Rightmost labels the current name shares with the previous one (0 for the first). */
  int sharedWithPrevious();
}
