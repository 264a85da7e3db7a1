package org.rpzx.dist.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documented {@code rpzx.yaml} shipped in the packages ({@code src/packaging/conf}, filtered
 * into {@code target/packaging/} at process-resources): it loads, its values are the embedded
 * defaults, and it names every key {@link RpzxConfig} has, so a new key cannot go undocumented.
 */
class ConfigExampleTest {

  private static final Path TAR_EXAMPLE =
      Path.of("target", "packaging", "tar", "conf", "rpzx.yaml");
  private static final Path DEB_EXAMPLE =
      Path.of("target", "packaging", "deb", "conf", "rpzx.yaml");

  @Test
  void theTarballExampleIsExactlyTheEmbeddedDefaults() {
    assertThat(TAR_EXAMPLE).as("filtered at process-resources").exists();
    RpzxConfig c = ConfigLoader.load(TAR_EXAMPLE);
    assertThat(c).isEqualTo(RpzxConfig.defaults());
    assertThat(c.dataDir()).isEqualTo("./rpzx-data");
    assertThat(c.smtp().listen()).isEqualTo("127.0.0.1:2525");
    assertThat(c.dns().allowTransfer()).containsExactly("127.0.0.0/8", "::1/128");
    assertThat(c.zone().expire()).isEqualTo(1_209_600L);
    assertThat(c.zone().hostmaster()).as("empty value: unset").isNull();
  }

  @Test
  void theDebianConffileKeepsItsDataInVarLib() {
    RpzxConfig c = ConfigLoader.load(DEB_EXAMPLE);
    assertThat(c.dataDir()).isEqualTo("/var/lib/rpzx");
    RpzxConfig d = RpzxConfig.defaults();
    assertThat(c)
        .isEqualTo(
            new RpzxConfig(
                "/var/lib/rpzx",
                d.smtp(),
                d.dns(),
                d.api(),
                d.zone(),
                d.entries(),
                d.topSites(),
                d.allowlist(),
                d.governance(),
                d.privacy()));
  }

  @Test
  void noPlaceholderIsLeftUnfiltered() throws Exception {
    assertThat(Files.readString(TAR_EXAMPLE)).doesNotContain("${");
    assertThat(Files.readString(DEB_EXAMPLE)).doesNotContain("${");
  }

  @Test
  void everyConfigurationKeyIsWrittenOutWithACommentAbove() throws Exception {
    JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(TAR_EXAMPLE.toFile());
    List<String> missing = new ArrayList<>();
    collectMissing(RpzxConfig.class, tree, "", missing);
    assertThat(missing).as("keys of RpzxConfig absent from the example").isEmpty();

    List<String> lines = Files.readAllLines(TAR_EXAMPLE);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean sectionOrKey = line.matches("\\s*[a-z-]+:.*");
      boolean section = line.matches("[a-z-]+:\\s*") && !line.startsWith("data-dir");
      if (sectionOrKey && !section) {
        // a key is documented by the comment right above it, or shares the previous key's
        String above = lines.get(i - 1).strip();
        assertThat(above.startsWith("#") || above.matches("[a-z-]+:.*"))
            .as("line %d '%s' has a comment or a commented sibling above it", i + 1, line)
            .isTrue();
      }
    }
  }

  private static void collectMissing(Class<?> type, JsonNode node, String path, List<String> out) {
    for (RecordComponent rc : type.getRecordComponents()) {
      String key = kebab(rc.getName());
      String here = path.isEmpty() ? key : path + "." + key;
      if (node == null || !node.has(key)) {
        out.add(here);
      } else if (rc.getType().isRecord()) {
        collectMissing(rc.getType(), node.get(key), here, out);
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
