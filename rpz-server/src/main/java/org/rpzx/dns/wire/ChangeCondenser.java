package org.rpzx.dns.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rpzx.core.zone.ChangeSet;
import org.rpzx.core.zone.Serial;

/**
 * Condenses consecutive change sets into one difference (RFC 1995 §5): a name added and removed
 * again within the range disappears, one removed and re-added too.
 */
public final class ChangeCondenser {

  private ChangeCondenser() {}

  /**
   * The change sets as one, or the input unchanged when it cannot be condensed (fewer than two, or
   * a serial range of 2^31 or more that RFC 1982 cannot order).
   */
  public static List<ChangeSet> condense(List<ChangeSet> changeSets) {
    if (changeSets.size() < 2) {
      return changeSets;
    }
    long from = changeSets.get(0).fromSerial();
    long to = changeSets.get(changeSets.size() - 1).toSerial();
    if (!Serial.isNewer(to, from)) {
      return changeSets;
    }
    // per name: was it present before the range (first operation a removal), present after it
    Map<String, boolean[]> state = new LinkedHashMap<>();
    for (ChangeSet cs : changeSets) {
      for (String n : cs.removed()) {
        state.computeIfAbsent(n, k -> new boolean[] {true, true})[1] = false;
      }
      for (String n : cs.added()) {
        state.computeIfAbsent(n, k -> new boolean[] {false, false})[1] = true;
      }
    }
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (Map.Entry<String, boolean[]> e : state.entrySet()) {
      boolean before = e.getValue()[0];
      boolean after = e.getValue()[1];
      if (before && !after) {
        removed.add(e.getKey());
      } else if (!before && after) {
        added.add(e.getKey());
      }
    }
    added.sort(CanonicalNameOrder.INSTANCE);
    removed.sort(CanonicalNameOrder.INSTANCE);
    long at = changeSets.get(changeSets.size() - 1).epochMillis();
    return List.of(new ChangeSet(from, to, at, added, removed));
  }
}
