package org.rpzx.dist.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load harness against the packaged jar with small figures ({@link LoadHarness.Settings#ci()}):
 * asserts what must hold under any load (nothing acknowledged lost, stalled clients closed, the
 * service healthy) and prints the SOA latency without asserting it: timing on a shared CI machine
 * is a benchmark, recorded for the full run in {@code docs/reliability.md}. {@code
 * -Drpzx.load.full=true} makes this the full run (1M names, D = 60 s, {@link
 * LoadHarness.Settings#full()}).
 */
class LoadIT {

  @TempDir Path work;

  @Test
  void concurrentLoadLosesNothingClosesSlowClientsAndStaysHealthy() throws Exception {
    LoadHarness.Settings settings = LoadHarness.Settings.fromSystemProperties();
    LoadReport report = LoadHarness.run(settings, work, System.out);

    assertThat(report.failures()).as(report.table()).isEmpty();
    // the run exercised every part: submissions acknowledged, transfers complete, SOA answered
    assertThat(report.acknowledged()).as("SMTP 250 replies").isPositive();
    assertThat(report.axfrCompleted()).as("complete AXFRs").isPositive();
    assertThat(report.soa().count()).as("SOA samples").isPositive();
    for (SlowLoris.Kind kind : LoadHarness.MUST_CLOSE) {
      SlowLoris.KindResult k = report.slowLoris().get(kind);
      assertThat(k).as(kind.name()).isNotNull();
      assertThat(k.opened() + k.refused()).as(kind + " connections tried").isPositive();
      assertThat(k.open()).as(kind + " still open").isZero();
    }
    System.out.printf(
        "SOA p99 under the CI load: %.2f ms (recorded, not asserted)%n", report.soa().p99());
  }
}
