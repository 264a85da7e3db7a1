package org.rpzx.dist.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadPrioritiesTest {

  @Test
  void explainsTheJvmWarningWhenThePolicyIsOn() {
    assertThat(ThreadPriorities.describe(List.of("-Xmx1g", "-XX:ThreadPriorityPolicy=1")))
        .contains("below the DNS query threads", "warning", "expected");
  }

  @Test
  void saysOffOtherwise() {
    assertThat(ThreadPriorities.describe(List.of("-Xmx1g"))).startsWith("thread priorities: off");
    assertThat(ThreadPriorities.describe(List.of("-XX:ThreadPriorityPolicy=0")))
        .startsWith("thread priorities: off");
  }
}
