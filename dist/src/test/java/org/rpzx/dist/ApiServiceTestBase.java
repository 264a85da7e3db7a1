package org.rpzx.dist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rpzx.dist.config.ConfigLoader;
import org.rpzx.dist.serve.RpzxService;

/** A service as {@link ServiceTestBase} starts it, with extra keys in its {@code api:} section. */
abstract class ApiServiceTestBase extends ServiceTestBase {

  /** Starts rpzx with {@code apiKeys} (e.g. {@code tls-key: /x.pem}) under {@code api:}. */
  RpzxService startWithApi(String... apiKeys) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("data-dir: " + dir.resolve("data"));
    lines.add("smtp:");
    lines.add("  listen: 127.0.0.1:0");
    lines.add("  community-addresses: [" + COMMUNITY + "]");
    lines.add("dns:");
    lines.add("  listen: 127.0.0.1:0");
    lines.add("top-sites:");
    lines.add("  n: 100");
    lines.add("api:");
    lines.add("  listen: 127.0.0.1:0");
    for (String key : apiKeys) {
      lines.add("  " + key);
    }
    Path config = dir.resolve("rpzx.yaml");
    Files.writeString(config, String.join("\n", lines) + "\n");
    service = RpzxService.start(ConfigLoader.load(config));
    return service;
  }
}
