package org.rpzx.dist.reliability;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/rpzx.jar serve --config FILE} as a child process (the JVM itself, so
 * {@link #kill} is a SIGKILL of the service and not of a wrapper), its output appended to one log
 * across restarts. Ready means: its DNS listener answers a SOA query.
 */
final class ServeProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final Duration startup;
  private final long firstSerial;

  private ServeProcess(Process process, Path log, Duration startup, long firstSerial) {
    this.process = process;
    this.log = log;
    this.startup = startup;
    this.firstSerial = firstSerial;
  }

  /** The loopback ports a configuration gives the three listeners. */
  record Ports(int smtp, int dns, int api) {}

  /**
   * Writes a configuration for {@code dataDir} with the three listeners on free loopback ports
   * (fixed, so restarts reuse them), no per-source SMTP limits (the load comes from one address)
   * and the given coalescing window; the other keys take their documented defaults.
   */
  static Ports writeConfig(Path config, Path dataDir, String community, String coalesceWindow)
      throws IOException {
    return writeConfig(config, dataDir, community, coalesceWindow, 200, "10m");
  }

  /**
   * As {@link #writeConfig(Path, Path, String, String)}, with room for {@code smtpConnections} SMTP
   * connections (in all and from the one loopback source) and the given SMTP session deadline.
   */
  static Ports writeConfig(
      Path config,
      Path dataDir,
      String community,
      String coalesceWindow,
      int smtpConnections,
      String smtpSessionTimeout)
      throws IOException {
    int smtp = freePort();
    int dns = freePort();
    int api = freePort();
    while (dns == smtp || api == smtp || api == dns) {
      dns = freePort();
      api = freePort();
    }
    Files.writeString(
        config,
        String.join(
            "\n",
            "data-dir: " + dataDir,
            "smtp:",
            "  listen: 127.0.0.1:" + smtp,
            "  community-addresses: [" + community + "]",
            "  messages-per-minute-per-source: 1000000",
            "  max-connections: " + smtpConnections,
            "  max-connections-per-source: " + smtpConnections,
            "  session-timeout: " + smtpSessionTimeout,
            "dns:",
            "  listen: 127.0.0.1:" + dns,
            "api:",
            "  listen: 127.0.0.1:" + api,
            "entries:",
            "  coalesce-window: " + coalesceWindow,
            ""));
    return new Ports(smtp, dns, api);
  }

  /** The packaged jar, as failsafe sees it after {@code package} (run from the dist module). */
  static Path jar() {
    Path jar = Path.of(System.getProperty("rpzx.jar", "target/rpzx.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no packaged jar at " + jar + " (run mvn package first)");
    }
    return jar;
  }

  /**
   * Starts the service and waits until it answers SOA on {@code dns}; a start that fails because a
   * port is still held by the killed predecessor is retried a few times.
   */
  static ServeProcess start(Path config, Path log, ZoneClient dns, Duration timeout)
      throws IOException, InterruptedException {
    return start(config, log, dns, timeout, List.of());
  }

  /** As {@link #start(Path, Path, ZoneClient, Duration)}, with JVM options (e.g. {@code -Xmx}). */
  static ServeProcess start(
      Path config, Path log, ZoneClient dns, Duration timeout, List<String> jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaBin());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString(), "serve", "--config", config.toString()));
    IOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      long servingBefore = servingLines(log);
      long started = System.nanoTime();
      Process p =
          new ProcessBuilder(command)
              .directory(config.getParent().toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      long deadline = started + timeout.toNanos();
      while (System.nanoTime() < deadline && p.isAlive()) {
        OptionalLong serial = dns.soaSerial(Duration.ofMillis(100));
        if (serial.isPresent()) {
          Duration toSoa = Duration.ofNanos(System.nanoTime() - started);
          // DNS starts first (consumers get the zone sooner); SMTP and the API follow
          if (awaitServing(p, log, servingBefore, deadline)) {
            return new ServeProcess(p, log, toSoa, serial.getAsLong());
          }
          break;
        }
        Thread.sleep(10);
      }
      if (p.isAlive()) {
        p.destroyForcibly().waitFor();
        throw new IOException("rpzx did not answer SOA within " + timeout + ":\n" + tail(log));
      }
      last = new IOException("rpzx exited with " + p.exitValue() + ":\n" + tail(log));
      Thread.sleep(500); // e.g. a port not yet released: try again
    }
    throw last;
  }

  /** Waits for the start's last log line ("rpzx serving zone …": every listener is up). */
  private static boolean awaitServing(Process p, Path log, long before, long deadline)
      throws IOException, InterruptedException {
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (servingLines(log) > before) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  private static long servingLines(Path log) throws IOException {
    if (!java.nio.file.Files.exists(log)) {
      return 0;
    }
    try (var lines = java.nio.file.Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> l.contains("rpzx serving zone")).count();
    }
  }

  /** Time from process start to the first SOA answer. */
  Duration startup() {
    return startup;
  }

  /** The serial of the first SOA answer. */
  long firstSerial() {
    return firstSerial;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no flush, no close. Returns when the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("rpzx " + process.pid() + " survived SIGKILL");
    }
  }

  /** SIGTERM (a clean stop), then SIGKILL after 15 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  String logTail() {
    return tail(log);
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A loopback port free for TCP and UDP now, so the DNS listener can take both. */
  static int freePort() throws IOException {
    for (int i = 0; i < 50; i++) {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      try (DatagramSocket u = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException e) {
        // UDP side taken: another one
      }
    }
    throw new IOException("no free loopback port");
  }
}
