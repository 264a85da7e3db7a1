package org.rpzx.dist.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} documents exactly the keys {@link RpzxConfig} reads, each with the
 * embedded default: a key added without documentation, or a default changed in one place only,
 * fails here.
 */
class ConfigurationDocTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([a-z.-]+)` \\| ([^|]+) \\|");

  @Test
  void everyKeyIsDocumentedWithItsDefault() throws Exception {
    Map<String, String> documented = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("../docs/configuration.md"))) {
      Matcher m = ROW.matcher(line);
      if (m.find() && !m.group(1).startsWith("-")) {
        documented.put(m.group(1), m.group(2).strip());
      }
    }
    Map<String, Object> defaults = new LinkedHashMap<>();
    flatten("", RpzxConfig.defaults(), defaults);

    assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(defaults.keySet());
    defaults.forEach(
        (key, value) ->
            assertThat(documented.get(key))
                .as("default of %s", key)
                .satisfies(
                    cell -> {
                      if (value == null) {
                        assertThat(cell).startsWith("—");
                      } else {
                        assertThat(cell).isEqualTo("`" + render(value) + "`");
                      }
                    }));
  }

  private static void flatten(String prefix, Record record, Map<String, Object> out)
      throws Exception {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      String key = prefix + kebab(c.getName());
      Object value = c.getAccessor().invoke(record);
      if (c.getType().isRecord()) {
        flatten(key + ".", (Record) value, out);
      } else {
        out.put(key, value);
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static String render(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(value);
  }
}
