package org.rpzx.dist.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@code rpzx.yaml}; unknown keys and bad values are errors that name the key. */
public final class ConfigLoader {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ConfigLoader() {}

  /** Loads {@code file}, or the embedded defaults when {@code file} is null. */
  public static RpzxConfig load(Path file) {
    if (file == null) {
      return RpzxConfig.defaults();
    }
    try {
      String text = Files.readString(file);
      RpzxConfig parsed = text.isBlank() ? null : YAML.readValue(text, RpzxConfig.class);
      return parsed == null ? RpzxConfig.defaults() : parsed.withDefaults();
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          file + ": unknown key '" + path(e) + "' (see docs/configuration.md)");
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ": " + e.getOriginalMessage() + " at key '" + path(e) + "'");
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String path(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
      StringBuilder sb = new StringBuilder();
      for (var ref : m.getPath()) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
      }
      return sb.toString();
    }
    return "?";
  }
}
