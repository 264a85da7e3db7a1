package org.rpzx.dist;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * BIND 9's {@code named} as a child process in the foreground ({@code -g}: all logging to stderr,
 * which goes to {@code named.log}), in its own temporary directory, on a free loopback port, as the
 * current user. Root hints point at an address where nothing listens, so recursion fails at once
 * and nothing leaves the machine: every answer the tests rely on is decided by RPZ.
 */
final class NamedProcess implements AutoCloseable {

  static final Path NAMED = Path.of("/usr/sbin/named");

  /** named's line once it has loaded its configuration and listens. */
  private static final java.util.regex.Pattern RUNNING =
      java.util.regex.Pattern.compile("\\d running$", java.util.regex.Pattern.MULTILINE);

  private final Process process;
  private final Path log;
  private final int port;

  private NamedProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts named with {@code options} (inside {@code options { }}) and {@code zones} (the rest of
   * named.conf) in {@code dir}.
   */
  static NamedProcess start(Path dir, int port, String options, String zones) throws Exception {
    Files.writeString(
        dir.resolve("root.hints"),
        ".  3600000 IN NS a.root.invalid.\na.root.invalid. 3600000 IN A 127.0.0.254\n");
    String conf =
        "options {\n"
            + "  directory \""
            + dir
            + "\";\n"
            + "  pid-file \""
            + dir.resolve("named.pid")
            + "\";\n"
            + "  session-keyfile \""
            + dir.resolve("session.key")
            + "\";\n"
            + "  managed-keys-directory \""
            + dir
            + "\";\n"
            + "  listen-on port "
            + port
            + " { 127.0.0.1; };\n"
            + "  listen-on-v6 { none; };\n"
            + "  notify no;\n"
            + "  servfail-ttl 0;\n"
            + options
            + "};\n"
            + "controls { };\n"
            + "zone \".\" { type hint; file \"root.hints\"; };\n"
            + zones;
    Path confFile = dir.resolve("named.conf");
    Files.writeString(confFile, conf);
    Path log = dir.resolve("named.log");
    Process p =
        new ProcessBuilder(
                NAMED.toString(), "-g", "-d", "3", "-4", "-n", "1", "-c", confFile.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    NamedProcess named = new NamedProcess(p, log, port);
    try {
      named.awaitLog(s -> RUNNING.matcher(s).find(), Duration.ofSeconds(20));
    } catch (AssertionError | RuntimeException e) {
      named.close();
      throw e;
    }
    return named;
  }

  int port() {
    return port;
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Waits until the log satisfies {@code condition}; fails with the log otherwise. */
  void awaitLog(Predicate<String> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.test(log())) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("named exited with " + process.exitValue() + ":\n" + log());
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "named log did not show what was expected in " + timeout + ":\n" + log());
  }

  /** A loopback port free for both TCP and UDP now (named binds it a moment later). */
  static int reservePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      try (DatagramSocket u = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException e) {
        // UDP port taken: try another
      }
    }
    throw new IOException("no free port for named");
  }

  /** Stops named (SIGTERM, then SIGKILL after 5 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
