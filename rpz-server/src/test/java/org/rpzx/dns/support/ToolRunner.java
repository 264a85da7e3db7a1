package org.rpzx.dns.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dig/kdig (skipping the test when not installed) and returns what they print. */
public final class ToolRunner {

  private ToolRunner() {}

  /** Runs the command, expecting exit status 0. */
  public static String run(String... command) throws IOException, InterruptedException {
    Process p = start(command);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  /** Runs the command whatever its exit status. */
  public static String runAnyExit(String... command) throws IOException, InterruptedException {
    Process p = start(command);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private static Process start(String... command) throws IOException {
    assumeThat(Files.isExecutable(Path.of(command[0]))).as(command[0]).isTrue();
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** The record lines of presentation output (no comments, no blank lines). */
  public static List<String> records(String output) {
    return output
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith(";"))
        .toList();
  }
}
