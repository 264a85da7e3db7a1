package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The serving paths allocate nothing per name: a cursor step and a match. */
class AllocationFreeTest {

  private static final int NAMES = 20_000;

  private final TrieSnapshot snapshot;

  AllocationFreeTest() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < NAMES; i++) {
      names.add((i % 3 == 0 ? "www." : "") + "host" + i + ".tld" + (i % 17));
    }
    snapshot = TrieSnapshot.of(ZoneSettings.defaults(), 1, names);
  }

  private static com.sun.management.ThreadMXBean threads() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled());
    return t;
  }

  @Test
  void cursorStepsDoNotAllocate() {
    com.sun.management.ThreadMXBean t = threads();
    long id = Thread.currentThread().getId();
    NameCursor cursor = snapshot.cursor();
    long sum = 0;
    long before = t.getThreadAllocatedBytes(id);
    while (cursor.next()) {
      sum += cursor.wireLength() + cursor.wire()[0] + cursor.sharedSuffixLabels();
    }
    long allocated = t.getThreadAllocatedBytes(id) - before;
    assertThat(sum).isPositive();
    assertThat(allocated).as("bytes allocated walking %d names", NAMES).isLessThan(4096);
  }

  @Test
  void matchDoesNotAllocate() {
    com.sun.management.ThreadMXBean t = threads();
    long id = Thread.currentThread().getId();
    String[] queries = {"host3.tld3", "a.www.host3.tld3", "tld5", "nope.tld5", "*.host4.tld4", ""};
    int sum = 0;
    long before = t.getThreadAllocatedBytes(id);
    for (int i = 0; i < NAMES; i++) {
      sum += snapshot.match(queries[i % queries.length]).ordinal();
    }
    long allocated = t.getThreadAllocatedBytes(id) - before;
    assertThat(sum).isPositive();
    assertThat(allocated).as("bytes allocated by %d matches", NAMES).isLessThan(4096);
  }
}
