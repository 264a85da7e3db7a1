package org.rpzx.dist.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Building API paths from what the user typed. */
final class ApiPaths {

  private ApiPaths() {}

  /** {@code text} as one percent-encoded path segment ({@code Uni A} is {@code Uni%20A}). */
  static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code text} as a query parameter value. */
  static String query(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
