package org.rpzx.dist.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code rpzx serve} needs no privilege (ports below 1024 come from {@code CAP_NET_BIND_SERVICE} in
 * the packaged unit, which runs as the {@code rpzx} user). Started as root it warns and goes on
 * rather than refusing: containers and test machines often have nothing but root.
 */
final class RootCheck {

  private RootCheck() {}

  /** The effective user id (owner of {@code /proc/self}), or -1 where that cannot be read. */
  static long effectiveUid() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return ((Number) uid).longValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return -1;
    }
  }

  /** The warning for {@code uid}, if it is root's. */
  static Optional<String> warning(long uid) {
    if (uid != 0) {
      return Optional.empty();
    }
    return Optional.of(
        "running as root: rpzx needs no privileges; run it as a dedicated user (the packaged"
            + " systemd unit uses User=rpzx with CAP_NET_BIND_SERVICE for ports 25 and 53)");
  }
}
