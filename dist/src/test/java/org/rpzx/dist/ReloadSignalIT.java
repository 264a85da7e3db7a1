package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rpzx.dist.api.Json;
import org.rpzx.dist.cli.RpzxCommand;
import picocli.CommandLine;

/**
 * {@code kill -HUP} to the packaged {@code rpzx serve} (on the build JDK and, if installed, JDK
 * 25): the Top-N file is re-read, a bad one is logged and kept out, and the service keeps running
 * (without rpzx's handler the JVM would shut down on SIGHUP).
 */
class ReloadSignalIT {

  private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  @TempDir Path dir;
  private Process server;

  static Stream<String> javas() {
    String own = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return Files.isExecutable(JDK25) ? Stream.of(own, JDK25.toString()) : Stream.of(own);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(15, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void awaitPort(int port, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("service did not open port " + port);
  }

  private static void awaitLog(Path log, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (Files.readString(log).contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("log lacks '" + text + "':\n" + Files.readString(log));
  }

  private void hangUp() throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-HUP", String.valueOf(server.pid()))
            .redirectErrorStream(true)
            .start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private JsonNode status(int api) throws Exception {
    CommandLine cmd = RpzxCommand.commandLine();
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(new StringWriter()));
    int code =
        cmd.execute(
            "top-sites",
            "status",
            "--json",
            "--api",
            "http://127.0.0.1:" + api,
            "--token-file",
            dir.resolve("data/operator.token").toString());
    assertThat(code).isZero();
    return Json.MAPPER.readTree(out.toString());
  }

  @ParameterizedTest
  @MethodSource("javas")
  void sighupReloadsTheListsAndTheServiceKeepsRunning(String java) throws Exception {
    Path jar = Path.of("target", "rpzx.jar").toAbsolutePath();
    assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
    Path top = dir.resolve("top.csv");
    Files.writeString(top, "1,first-top.example\n");
    int api = freePort();
    Path config = dir.resolve("rpzx.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            List.of(
                "data-dir: " + dir.resolve("data"),
                "smtp:",
                "  listen: 127.0.0.1:0",
                "dns:",
                "  listen: 127.0.0.1:0",
                "api:",
                "  listen: 127.0.0.1:" + api,
                "top-sites:",
                "  file: " + top,
                "")));
    Path log = dir.resolve("serve.log");
    server =
        new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--config", config.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    awaitPort(api, server);
    assertThat(status(api).get("names").asInt()).isEqualTo(1);

    Files.writeString(top, "1,second-top.example\n2,third-top.example\n");
    hangUp();
    awaitLog(log, "SIGHUP: top-sites reloaded from " + top + ": 2 names, sha256 ");
    awaitLog(log, "SIGHUP: allowlist reloaded: no file, store 0 names");
    assertThat(server.isAlive()).isTrue();
    JsonNode reloaded = status(api);
    assertThat(reloaded.get("names").asInt()).isEqualTo(2);

    Files.writeString(top, "<html>\n<p>oops</p>\n</html>\n");
    hangUp();
    awaitLog(log, "SIGHUP: top-sites not reloaded, 2 names kept: " + top + ":");
    assertThat(server.isAlive()).isTrue();
    assertThat(status(api)).isEqualTo(reloaded);
    assertThat(Files.readString(log)).doesNotContain("Exception");
  }
}
