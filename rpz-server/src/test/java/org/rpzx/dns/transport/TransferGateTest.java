package org.rpzx.dns.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferGateTest {

  private final List<String> granted = new ArrayList<>();

  private Runnable waiter(String name) {
    return () -> granted.add(name);
  }

  @Test
  void permitsAreTakenUntilNoneIsLeft() {
    TransferGate gate = new TransferGate(2);
    assertThat(gate.acquire(waiter("a"))).isTrue();
    assertThat(gate.acquire(waiter("b"))).isTrue();
    assertThat(gate.acquire(waiter("c"))).isFalse();
    assertThat(gate.inUse()).isEqualTo(2);
    assertThat(gate.waiting()).isEqualTo(1);
    assertThat(granted).isEmpty();
  }

  @Test
  void aReleasedPermitPassesToTheFirstInLine() {
    TransferGate gate = new TransferGate(1);
    assertThat(gate.acquire(waiter("a"))).isTrue();
    assertThat(gate.acquire(waiter("b"))).isFalse();
    assertThat(gate.acquire(waiter("c"))).isFalse();

    gate.release();
    assertThat(granted).containsExactly("b");
    assertThat(gate.inUse()).isEqualTo(1); // handed over, not freed
    gate.release();
    assertThat(granted).containsExactly("b", "c");
    gate.release();
    assertThat(gate.inUse()).isZero();
    assertThat(gate.waiting()).isZero();
    assertThat(gate.acquire(waiter("d"))).isTrue();
  }

  @Test
  void aCancelledWaiterIsNeverGranted() {
    TransferGate gate = new TransferGate(1);
    Runnable b = waiter("b");
    gate.acquire(waiter("a"));
    gate.acquire(b);
    assertThat(gate.cancel(b)).isTrue();
    assertThat(gate.cancel(b)).isFalse();
    gate.release();
    assertThat(granted).isEmpty();
    assertThat(gate.inUse()).isZero();
  }

  @Test
  void unlimitedNeverMakesAnyoneWait() {
    TransferGate gate = TransferGate.unlimited();
    for (int i = 0; i < 1000; i++) {
      assertThat(gate.acquire(waiter("x"))).isTrue();
    }
    assertThat(gate.waiting()).isZero();
  }

  @Test
  void needsAPermit() {
    assertThatThrownBy(() -> new TransferGate(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
