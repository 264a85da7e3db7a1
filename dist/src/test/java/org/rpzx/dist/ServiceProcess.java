package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code rpzx.jar} running {@code rpzx serve --config FILE} in its own process, as an
 * operator runs it, with its log (standard output and error, default level) in a file.
 */
final class ServiceProcess implements AutoCloseable {

  final int smtpPort;
  final int dnsPort;
  final int apiPort;
  final Path dataDir;
  final Path log;
  private final Process process;

  private ServiceProcess(Process p, int smtp, int dns, int api, Path dataDir, Path log) {
    this.process = p;
    this.smtpPort = smtp;
    this.dnsPort = dns;
    this.apiPort = api;
    this.dataDir = dataDir;
    this.log = log;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Starts the service in {@code dir} with {@code config}, a YAML text in which {@code $DATA},
   * {@code $SMTP}, {@code $DNS} and {@code $API} stand for the data directory and free ports.
   */
  static ServiceProcess start(Path dir, String config) throws Exception {
    int smtp = freePort();
    int dns = freePort();
    int api = freePort();
    Path data = dir.resolve("data");
    Path file = dir.resolve("rpzx.yaml");
    Files.writeString(
        file,
        config
            .replace("$DATA", data.toString())
            .replace("$SMTP", String.valueOf(smtp))
            .replace("$DNS", String.valueOf(dns))
            .replace("$API", String.valueOf(api)));
    Path log = dir.resolve("serve.log");
    Path jar = Path.of("target", "rpzx.jar");
    assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toAbsolutePath().toString(),
                "serve",
                "--config",
                file.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ServiceProcess service = new ServiceProcess(p, smtp, dns, api, data, log);
    try {
      awaitPort(p, api, log);
      awaitPort(p, smtp, log);
    } catch (Exception | AssertionError e) {
      service.close();
      throw e;
    }
    return service;
  }

  private static void awaitPort(Process p, int port, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new AssertionError("rpzx serve exited: " + Files.readString(log));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("rpzx serve did not open port " + port);
  }

  String operatorToken() throws IOException {
    return Files.readString(dataDir.resolve("operator.token"), StandardCharsets.US_ASCII).strip();
  }

  String apiBase() {
    return "http://127.0.0.1:" + apiPort;
  }

  /** Stops the service (SIGTERM, as systemd does) and returns everything it logged. */
  String stopAndReadLog() throws Exception {
    close();
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
