package org.rpzx.dist.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Datagrams the kernel dropped because a UDP socket's receive buffer was full, from the {@code
 * drops} column of {@code /proc/net/udp} and {@code udp6}, for the sockets bound to one local port:
 * tells a query the server never read (it was too busy) from one lost anywhere else.
 */
final class UdpSocketDrops {

  private UdpSocketDrops() {}

  /**
   * The drops of every UDP socket bound to {@code port} (IPv4, and IPv6 where Java's dual-stack
   * sockets appear with {@code ::ffff:127.0.0.1}), or -1 without {@code /proc}.
   */
  static long of(int port) {
    String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
    try {
      long drops = 0;
      for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
        List<String> lines = Files.readAllLines(Path.of(table));
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 12 && f[1].endsWith(hexPort)) {
            drops += Long.parseLong(f[f.length - 1]);
          }
        }
      }
      return drops;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
