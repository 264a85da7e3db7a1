package org.rpzx.dns.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueryPressureTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final QueryPressure pressure = new QueryPressure(nanos::get, 2_000_000);

  @Test
  void aSmallBurstIsNoPressure() {
    pressure.readBurst(QueryPressure.BACKLOG_BURST - 1);
    assertThat(pressure.active()).isFalse();
  }

  @Test
  void aBacklogHoldsForTheHoldTimeThenEnds() {
    pressure.readBurst(QueryPressure.BACKLOG_BURST);
    assertThat(pressure.active()).isTrue();
    nanos.addAndGet(1_999_999);
    assertThat(pressure.active()).isTrue();
    nanos.addAndGet(1);
    assertThat(pressure.active()).isFalse();
  }

  @Test
  void eachBacklogExtendsTheHold() {
    pressure.readBurst(16);
    nanos.addAndGet(1_500_000);
    pressure.readBurst(16);
    nanos.addAndGet(1_500_000);
    assertThat(pressure.active()).isTrue();
  }

  @Test
  void noneIsNeverOn() {
    QueryPressure none = QueryPressure.none();
    none.readBurst(1_000);
    assertThat(none.active()).isFalse();
  }
}
