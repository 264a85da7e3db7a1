package org.rpzx.dist.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged systemd unit runs rpzx unprivileged (docs/reliability.md, "Security checks"). */
class PackagedUnitTest {

  @Test
  void runsAsTheRpzxUserWithOnlyTheBindCapability() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("src/packaging/systemd/rpzx.service"));
    assertThat(lines)
        .contains(
            "User=rpzx",
            "Group=rpzx",
            "NoNewPrivileges=yes",
            "CapabilityBoundingSet=CAP_NET_BIND_SERVICE",
            "AmbientCapabilities=CAP_NET_BIND_SERVICE",
            "UMask=0027",
            "StateDirectoryMode=0750",
            "ProtectSystem=strict");
  }
}
