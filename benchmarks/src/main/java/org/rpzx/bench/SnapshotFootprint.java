package org.rpzx.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import org.rpzx.core.zone.CanonicalNameOrder;
import org.rpzx.core.zone.TrieSnapshot;
import org.rpzx.core.zone.ZoneSettings;

/**
 * Cross-checks {@code retainedBytes()} against the JVM: used heap after GC before and after
 * building a snapshot of N names (default 1,000,000), and, for scale, what the same names cost as a
 * plain {@code ArrayList<String>}.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar org.rpzx.bench.SnapshotFootprint
 * [N]}
 */
public final class SnapshotFootprint {

  private SnapshotFootprint() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    List<String> names = new SyntheticNames(1).distinct(n);
    names.sort(CanonicalNameOrder.INSTANCE);

    long before = usedAfterGc();
    TrieSnapshot snapshot = TrieSnapshot.of(ZoneSettings.defaults(), 1, names);
    long after = usedAfterGc();
    long delta = after - before;
    System.out.printf(
        "names=%d nodes=%d%nretainedBytes()=%d  (%.2f bytes/name)%nused-heap delta=%d  (%.2f"
            + " bytes/name)%n",
        snapshot.nameCount(),
        snapshot.trie().nodeCount(),
        snapshot.retainedBytes(),
        snapshot.retainedBytes() / (double) n,
        delta,
        delta / (double) n);

    Reference.reachabilityFence(snapshot);
    snapshot = null;
    long withoutStrings = usedAfterGc();
    List<String> copy = new ArrayList<>(n);
    for (String s : names) {
      copy.add(new String(s.toCharArray()));
    }
    long withStrings = usedAfterGc();
    System.out.printf(
        "same names as ArrayList<String>: %.2f bytes/name%n",
        (withStrings - withoutStrings) / (double) n);
    Reference.reachabilityFence(copy);
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
