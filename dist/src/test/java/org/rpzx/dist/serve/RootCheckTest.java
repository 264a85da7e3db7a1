package org.rpzx.dist.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RootCheckTest {

  @Test
  void warnsForRootOnly() {
    assertThat(RootCheck.warning(0)).get().asString().contains("running as root", "User=rpzx");
    assertThat(RootCheck.warning(1000)).isEmpty();
    assertThat(RootCheck.warning(-1)).as("unknown: no warning").isEmpty();
  }

  @Test
  void readsTheEffectiveUidAsIdDoes() throws Exception {
    Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
    String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    assertThat(id.waitFor()).isZero();
    assertThat(RootCheck.effectiveUid()).isEqualTo(Long.parseLong(out));
  }
}
