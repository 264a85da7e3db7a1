package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the openssl command line tool in a directory, as an operator or a member would. */
public final class Openssl {
  private Openssl() {}

  static final Path OPENSSL = Path.of("/usr/bin/openssl");

  /** Runs {@code openssl args...} in {@code dir} and fails the test unless it exits with 0. */
  public static String run(Path dir, String... args) {
    assertThat(OPENSSL).as("openssl must be installed").isExecutable();
    List<String> cmd = new ArrayList<>();
    cmd.add(OPENSSL.toString());
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
      assertThat(p.exitValue()).as("openssl %s:%n%s", String.join(" ", args), out).isZero();
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run openssl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
