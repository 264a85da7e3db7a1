package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The packages {@code mvn package} leaves in {@code target/} (failsafe runs after package), and
 * running commands on them.
 */
final class Packages {

  static final Path TARGET = Path.of("target").toAbsolutePath();

  private Packages() {}

  /** The project version, as the packaged jar's manifest has it. */
  static String version() throws IOException {
    Path jar = TARGET.resolve("rpzx.jar");
    assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
    try (JarFile j = new JarFile(jar.toFile())) {
      String v = j.getManifest().getMainAttributes().getValue("Implementation-Version");
      assertThat(v).isNotBlank();
      return v;
    }
  }

  static Path tarball() throws IOException {
    Path tarball = TARGET.resolve("rpzx-" + version() + ".tar.gz");
    assertThat(tarball).exists();
    return tarball;
  }

  /** Debian versions sort "~" before the release: 0.1.0-SNAPSHOT becomes 0.1.0~SNAPSHOT. */
  static String debVersion() throws IOException {
    return version().replace('-', '~');
  }

  static Path deb() throws IOException {
    Path deb = TARGET.resolve("rpzx_" + debVersion() + "_all.deb");
    assertThat(deb).exists();
    return deb;
  }

  record Run(int exit, String out) {}

  /**
   * Runs {@code command} in {@code dir} (stdout and stderr together), without inherited JAVA_OPTS.
   */
  static Run run(Path dir, List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("RPZX_JAVA_OPTS");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish: " + out);
    }
    return new Run(p.exitValue(), out);
  }

  /** The environment for the launcher to use the JVM running the tests. */
  static Map<String, String> realJava() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("JAVA_OPTS", "");
    env.put("RPZX_JAVA_OPTS", "");
    return env;
  }

  /** Writes an executable {@code /bin/sh} script. */
  static void shellScript(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body);
    assertThat(file.toFile().setExecutable(true)).isTrue();
  }

  static Set<String> jarNames(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".jar"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
