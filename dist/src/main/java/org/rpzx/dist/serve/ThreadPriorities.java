package org.rpzx.dist.serve;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Whether the JVM applies thread priorities ({@code -XX:ThreadPriorityPolicy=1}, which the launcher
 * passes to {@code rpzx serve}): transfers, SMTP sessions and zone compaction then run at a lower
 * CPU priority than the DNS query threads. Only explains the JVM's own warning about that flag; the
 * priorities themselves are set where those threads are made.
 */
final class ThreadPriorities {

  static final String POLICY_FLAG = "-XX:ThreadPriorityPolicy=1";

  private ThreadPriorities() {}

  /** The start-up line for {@code jvmArguments}. */
  static String describe(List<String> jvmArguments) {
    if (jvmArguments.contains(POLICY_FLAG)) {
      return "thread priorities: transfers, SMTP sessions and compaction run below the DNS query"
          + " threads (the JVM's warning that ThreadPriorityPolicy=1 may need root is expected:"
          + " rpzx only lowers priorities)";
    }
    return "thread priorities: off (all threads at one priority; the launcher sets "
        + POLICY_FLAG
        + " unless RPZX_PRIORITIES=off)";
  }

  /** The line for this JVM. */
  static String describe() {
    return describe(ManagementFactory.getRuntimeMXBean().getInputArguments());
  }
}
