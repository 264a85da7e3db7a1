package org.rpzx.core.zone;

import java.util.List;

/**
 * Names from a list of strings in canonical order; duplicates are skipped, anything out of order is
 * rejected.
 */
final class StringNameSource implements SortedNameSource {

  private final List<String> names;
  private WireName current = new WireName();
  private WireName previous = new WireName();
  private int index;
  private int shared;

  StringNameSource(List<String> names) {
    this.names = names;
  }

  @Override
  public boolean next() {
    WireName swap = previous;
    previous = current;
    current = swap;
    while (index < names.size()) {
      current.setFromString(names.get(index++));
      int s = current.sharedSuffixLabels(previous);
      if (s < current.labelCount) {
        if (s < previous.labelCount && current.compareLabel(s, previous, s) < 0) {
          throw unsorted();
        }
        shared = s;
        return true;
      }
      if (current.labelCount != previous.labelCount) {
        throw unsorted(); // a proper suffix of the previous name
      }
      // a duplicate: skip it
    }
    return false;
  }

  private OutOfOrderException unsorted() {
    return new OutOfOrderException(
        "names not in canonical order: " + current.toName() + " after " + previous.toName());
  }

  /** The list is not in canonical order. */
  static final class OutOfOrderException extends IllegalArgumentException {
    OutOfOrderException(String message) {
      super(message);
    }
  }

  @Override
  public WireName current() {
    return current;
  }

  @Override
  public int sharedWithPrevious() {
    return shared;
  }
}
