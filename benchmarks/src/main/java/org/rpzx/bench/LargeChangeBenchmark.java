package org.rpzx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rpzx.core.zone.CanonicalList;
import org.rpzx.core.zone.ChangeSet;
import org.rpzx.core.zone.LabelTrie;
import org.rpzx.core.zone.NameKeys;
import org.rpzx.core.zone.NameListCodec;
import org.rpzx.core.zone.TrieSnapshot;
import org.rpzx.core.zone.ZoneSettings;

/**
 * The steps of a large submission's acknowledgement after validation (ADR 0012), each over {@code
 * names} new names against a zone of as many: the canonical sort (keys, radix sort, names rebuilt
 * in order), the reduction against the zone (sorted look-ups), the name-list encoding (shared
 * suffixes, deflate in slices) and the overlay trie. Milliseconds per operation; the machine's
 * cores are used as the service uses them.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LargeChangeBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LargeChangeBenchmark {

  @Param({"1000000"})
  public int names;

  private List<String> lineOrder;
  private CanonicalList sorted;
  private TrieSnapshot zone;
  private ChangeSet change;

  @Setup
  public void setUp() {
    lineOrder = new ArrayList<>(BenchNames.realistic(names, 2));
    sorted = NameKeys.sortedCanonically(lineOrder);
    zone = TrieSnapshot.of(ZoneSettings.defaults(), 1, BenchNames.realistic(names, 1));
    change = new ChangeSet(1, 2, 0, sorted, List.of());
  }

  @Benchmark
  public CanonicalList canonicalSort() {
    return NameKeys.sortedCanonically(lineOrder);
  }

  @Benchmark
  public ChangeSet reduction() {
    return zone.effectiveChanges(change);
  }

  @Benchmark
  public byte[] encode() {
    return NameListCodec.encode(sorted);
  }

  @Benchmark
  public LabelTrie overlayTrie() {
    return LabelTrie.fromSorted(sorted);
  }
}
