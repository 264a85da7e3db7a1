package org.rpzx.dist.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API route: method, path template ({@code /api/v1/submissions/{id}}), the scope it needs and
 * its handler.
 */
public record Route(String method, String template, String scope, Handler handler) {

  /** Handles a request; throws {@link ApiError} for a clear client error. */
  @FunctionalInterface
  public interface Handler {
    ApiResponse handle(ApiRequest request);
  }

  /** Templates compiled once, not on every request for every route. */
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  Pattern pattern() {
    return PATTERNS.computeIfAbsent(
        template, t -> Pattern.compile(t.replaceAll("\\{[a-z_]+}", "([^/]+)")));
  }

  /** The path parameters if {@code path} matches this template. */
  Optional<List<String>> match(String path) {
    Matcher m = pattern().matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> params = new ArrayList<>();
    for (int i = 1; i <= m.groupCount(); i++) {
      params.add(m.group(i));
    }
    return Optional.of(params);
  }
}
