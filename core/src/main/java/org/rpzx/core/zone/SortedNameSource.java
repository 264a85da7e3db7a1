package org.rpzx.core.zone;

/**
 * A stream of names in canonical order feeding {@link LabelTrieBuilder}. The current name is valid
 * until the next call to {@link #next()}.
 */
interface SortedNameSource {

  /** Advances to the next name; false at the end. */
  boolean next();

  /** The current name. */
  WireName current();
}
