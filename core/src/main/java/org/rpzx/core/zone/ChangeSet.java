package org.rpzx.core.zone;

import java.util.List;
import java.util.Objects;

/**
 * One published change of the zone: the names that entered and the names that left between {@code
 * fromSerial} and {@code toSerial}. Names are relative to the origin, lower-case A-labels, each
 * list sorted in canonical DNS order and disjoint from the other.
 */
public record ChangeSet(
    long fromSerial, long toSerial, long epochMillis, List<String> added, List<String> removed) {

  public ChangeSet {
    // a CanonicalList is immutable already, and keeps saying that it is sorted
    added = added instanceof CanonicalList ? added : List.copyOf(added);
    removed = removed instanceof CanonicalList ? removed : List.copyOf(removed);
    if (!Serial.isNewer(toSerial, fromSerial)) {
      throw new IllegalArgumentException("serial must increase: " + fromSerial + " -> " + toSerial);
    }
    Objects.requireNonNull(added);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty();
  }

  /** Records this change contributes to the zone (two owner names per name). */
  public long recordCount() {
    return 2L * (added.size() + removed.size());
  }
}
