package org.rpzx.dist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.dist.config.ConfigLoader;
import org.rpzx.dist.serve.RpzxService;

/** An in-process rpzx per test, in a temporary directory, closed after the test. */
abstract class ServiceTestBase {

  static final String COMMUNITY = "blocklist@rpzx.test";
  static final String SENDER = "cert@uni.example";

  @TempDir Path dir;

  RpzxService service;

  @AfterEach
  void closeService() {
    if (service != null) {
      service.close();
    }
  }

  /**
   * Starts rpzx from a configuration file (as an operator would): every listener on a free loopback
   * port, data in the test's directory, a small Top-N list, plus {@code sections} (YAML lines for
   * {@code dns:} and {@code entries:}; without a {@code dns:} section, transfers from loopback).
   */
  RpzxService startFromConfigFile(String... sections) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("data-dir: " + dir.resolve("data"));
    lines.add("smtp:");
    lines.add("  listen: 127.0.0.1:0");
    lines.add("  community-addresses: [" + COMMUNITY + "]");
    lines.add("api:");
    lines.add("  listen: 127.0.0.1:0");
    lines.add("top-sites:");
    lines.add("  n: 100");
    lines.addAll(List.of(sections));
    if (!lines.contains("dns:")) {
      lines.add("dns:");
      lines.add("  listen: 127.0.0.1:0");
    }
    Path config = dir.resolve("rpzx.yaml");
    Files.writeString(config, String.join("\n", lines) + "\n");
    return RpzxService.start(ConfigLoader.load(config));
  }
}
