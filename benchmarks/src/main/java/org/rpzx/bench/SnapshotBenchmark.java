package org.rpzx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rpzx.core.zone.CanonicalNameOrder;
import org.rpzx.core.zone.ChangeSet;
import org.rpzx.core.zone.LabelTrie;
import org.rpzx.core.zone.NameCursor;
import org.rpzx.core.zone.NameMatch;
import org.rpzx.core.zone.TrieSnapshot;
import org.rpzx.core.zone.ZoneSettings;

/**
 * The zone snapshot at blocklist scale: building it, applying a change set, walking it for AXFR and
 * classifying query names. Trial setup prints the heap footprint per name (see {@link
 * SnapshotFootprint} for the used-heap cross-check).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SnapshotBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SnapshotBenchmark {

  @Param({"1000000"})
  public int names;

  private static final int CHANGES = 1000;
  private static final int QUERIES = 4096;

  private List<String> sorted;
  private List<String> unsorted;
  private TrieSnapshot snapshot;
  private ChangeSet changeSet;
  private String[] queries;
  private int queryIndex;

  @Setup(Level.Trial)
  public void setUp() {
    unsorted = new SyntheticNames(1).distinct(names);
    // fresh strings allocated in canonical order, as a store reading in that order hands them over
    List<String> order = new ArrayList<>(unsorted);
    order.sort(CanonicalNameOrder.INSTANCE);
    sorted = new ArrayList<>(names);
    for (String n : order) {
      sorted.add(new String(n.toCharArray()));
    }
    snapshot = TrieSnapshot.of(ZoneSettings.defaults(), 1, sorted);

    // half new names, half existing ones removed
    List<String> added = new ArrayList<>();
    for (String n : new SyntheticNames(2).distinct(CHANGES)) {
      if (!snapshot.contains(n) && added.size() < CHANGES / 2) {
        added.add(n);
      }
    }
    Random random = new Random(3);
    List<String> removed = new ArrayList<>();
    while (removed.size() < CHANGES / 2) {
      String n = sorted.get(random.nextInt(sorted.size()));
      if (!removed.contains(n)) {
        removed.add(n);
      }
    }
    changeSet = new ChangeSet(1, 2, 0, added, removed);

    // a query mix: listed names, hosts below them, the apex side (ENTs) and strangers
    queries = new String[QUERIES];
    List<String> strangers = new SyntheticNames(4).distinct(QUERIES);
    for (int i = 0; i < QUERIES; i++) {
      String listed = sorted.get(random.nextInt(sorted.size()));
      queries[i] =
          switch (i % 4) {
            case 0 -> listed;
            case 1 -> "www." + listed;
            case 2 -> listed.substring(listed.indexOf('.') + 1);
            default -> strangers.get(i);
          };
    }
    int[] counts = new int[NameMatch.values().length];
    for (String q : queries) {
      counts[snapshot.match(q).ordinal()]++;
    }

    LabelTrie trie = snapshot.trie();
    System.out.printf(
        "%n[footprint] names=%d nodes=%d retainedBytes=%d (%.2f bytes/name, %.2f bytes/node)"
            + " avgNameChars=%.2f%n[queries] %s%n",
        trie.nameCount(),
        trie.nodeCount(),
        snapshot.retainedBytes(),
        snapshot.retainedBytes() / (double) trie.nameCount(),
        snapshot.retainedBytes() / (double) trie.nodeCount(),
        sorted.stream().mapToInt(String::length).average().orElse(0),
        java.util.Arrays.toString(counts));
  }

  /** Build from names already in canonical order (what the store hands over at start-up). */
  @Benchmark
  public TrieSnapshot buildSorted() {
    return TrieSnapshot.of(ZoneSettings.defaults(), 1, sorted);
  }

  /** Build from names in arbitrary order: sort plus build. */
  @Benchmark
  public TrieSnapshot buildUnsorted() {
    return TrieSnapshot.of(ZoneSettings.defaults(), 1, unsorted);
  }

  /** Next snapshot after 500 additions and 500 removals. */
  @Benchmark
  public TrieSnapshot apply1000() {
    return snapshot.apply(changeSet);
  }

  /** Full canonical walk, as an AXFR does; the score is per name. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(1_000_000)
  public void cursorWalkPerName(Blackhole bh) {
    NameCursor c = snapshot.cursor();
    long sum = 0;
    while (c.next()) {
      sum += c.wireLength() + c.sharedSuffixLabels() + c.wire()[0];
    }
    bh.consume(sum);
  }

  /** Classifying one query name (a mix of hits, wildcard matches, ENTs and NXDOMAIN). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public NameMatch match() {
    queryIndex = (queryIndex + 1) & (QUERIES - 1);
    return snapshot.match(queries[queryIndex]);
  }
}
