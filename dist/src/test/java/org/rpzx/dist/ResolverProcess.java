package org.rpzx.dist;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * A resolver (unbound, pdns_recursor, kresd) as a child process in the foreground, in its own
 * temporary directory with its own configuration, stdout and stderr in one log file. Stopped with
 * SIGTERM, then SIGKILL, by {@link #close()}.
 */
final class ResolverProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;

  private ResolverProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Skips the test when {@code file} (a binary or a module) is not installed, except in CI ({@code
   * CI} set), where a missing resolver is a failure: CI installs it ({@code .ci/run}).
   */
  static void requireInstalled(Path file, String debianPackage) {
    if (Files.exists(file)) {
      return;
    }
    String ci = System.getenv("CI");
    String message = file + " is missing: install the Debian package " + debianPackage;
    if (ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false")) {
      throw new AssertionError(message + " (CI installs it in .ci/run)");
    }
    Assumptions.abort(message);
  }

  /** Starts {@code command} in {@code dir}; its output goes to {@code dir/<name>.log}. */
  static ResolverProcess start(String name, Path dir, List<String> command) throws IOException {
    Path log = dir.resolve(name + ".log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    return new ResolverProcess(name, p, log);
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Fails, with the log, if the process has exited. */
  void assertAlive() {
    if (!process.isAlive()) {
      throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + log());
    }
  }

  /** Waits until the log satisfies {@code condition}; fails with the log otherwise. */
  void awaitLog(Predicate<String> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.test(log())) {
        return;
      }
      assertAlive();
      Thread.sleep(50);
    }
    throw new AssertionError(
        name + "'s log did not show what was expected in " + timeout + ":\n" + log());
  }

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
