package org.rpzx.core.name;

/**
 * Whether a normalised name is currently suppressed (delisted as a false positive and still within
 * its suppression period). The store implements it; {@link EntryValidator} consults it last, so a
 * line that fails a cheaper check never costs a lookup.
 *
 * <p>Implementations must be thread-safe. A failure of the underlying store is an exception, not a
 * verdict: it propagates out of {@link EntryValidator#validate(String)}.
 */
@FunctionalInterface
public interface SuppressionCheck {

  /** Nothing is suppressed. */
  SuppressionCheck NONE = name -> false;

  /**
   * @param name normalised name (lower-case A-labels, no trailing dot, no wildcard prefix)
   * @return true if the name must be rejected as {@code suppressed}
   */
  boolean isSuppressed(String name);
}
