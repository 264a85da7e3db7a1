package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distribution as an operator runs it: {@code java -jar dist/target/rpzx.jar serve} in
 * its own process, the CLI as separate processes, {@code swaks} mailing a domains.txt and {@code
 * dig} transferring the zone. This is the README walkthrough, on free ports.
 */
class DistributionIT {

  @TempDir Path dir;
  private Process server;

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

  private static Path jar() {
    Path jar = Path.of("target", "rpzx.jar");
    assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
    return jar.toAbsolutePath();
  }

  private record Run(int exit, String out) {}

  private Run run(List<String> command) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  private Run rpzx(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    return run(cmd);
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void awaitPort(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("service did not open port " + port);
  }

  @Test
  void theWalkthroughWorksAgainstThePackagedDistribution() throws Exception {
    int smtp = freePort();
    int dns = freePort();
    int api = freePort();
    Path log = dir.resolve("serve.log");
    server =
        new ProcessBuilder(
                javaBin(),
                "-jar",
                jar().toString(),
                "serve",
                "--smtp-listen",
                "127.0.0.1:" + smtp,
                "--dns-listen",
                "127.0.0.1:" + dns,
                "--api-listen",
                "127.0.0.1:" + api)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    awaitPort(api);
    awaitPort(smtp);

    String apiUrl = "--api=http://127.0.0.1:" + api;
    assertThat(rpzx("institution", "add", "Example University", apiUrl).exit()).isZero();
    Run sender =
        rpzx("sender", "add", "cert@uni.example", "--institution", "Example University", apiUrl);
    assertThat(sender.exit()).as(sender.out()).isZero();
    assertThat(rpzx("sender", "add", "x@y.example", "--institution", "Nobody", apiUrl).exit())
        .as("unknown institution: exit code 5")
        .isEqualTo(5);

    Files.writeString(
        dir.resolve("domains.txt"),
        "malware-c2.example\n*.phish.example\nbücher-böse.example\nhttp://evil.example/login\n"
            + "192.0.2.1\nmail.google.com\n");
    Run swaks =
        run(
            List.of(
                "swaks",
                "--server",
                "127.0.0.1:" + smtp,
                "--from",
                "cert@uni.example",
                "--to",
                "blocklist@localhost",
                "--attach-type",
                "text/plain",
                "--attach-name",
                "domains.txt",
                "--attach",
                "@domains.txt"));
    assertThat(swaks.out())
        .containsPattern("<-  250 2\\.0\\.0 submission \\d+: 3 accepted, 3 rejected");

    Run dig =
        run(
            List.of(
                "dig",
                "@127.0.0.1",
                "-p",
                String.valueOf(dns),
                "community.rpz",
                "AXFR",
                "+noall",
                "+answer"));
    List<String> owners = new ArrayList<>();
    for (String line : dig.out().split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 5 && f[3].equals("CNAME")) {
        assertThat(f[4]).isEqualTo(".");
        owners.add(f[0]);
      }
    }
    String idn =
        java.net.IDN.toASCII("bücher-böse.example"); // independent oracle; IDNA2003 agrees here
    assertThat(owners)
        .containsExactlyInAnyOrder(
            "malware-c2.example.community.rpz.",
            "*.malware-c2.example.community.rpz.",
            "phish.example.community.rpz.",
            "*.phish.example.community.rpz.",
            idn + ".community.rpz.",
            "*." + idn + ".community.rpz.");

    Run status = rpzx("zone", "status", "--json", apiUrl);
    assertThat(status.out()).contains("\"names\" : 3");
    assertThat(Files.readString(log)).doesNotContain("Exception");
  }
}
