package org.rpzx.dist.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rpzx.core.auth.ApiToken;

/** A parsed, authenticated request as a route sees it. */
public record ApiRequest(
    String method,
    String path,
    List<String> pathParams,
    Map<String, String> query,
    byte[] body,
    ApiToken token,
    InetAddress source,
    String ifNoneMatch) {

  public String param(int i) {
    return pathParams.get(i);
  }

  /** Path parameter {@code i} percent-decoded ({@code Uni%20A} is {@code Uni A}). */
  public String decodedParam(int i) {
    try {
      return URLDecoder.decode(pathParams.get(i), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, "malformed percent-encoding in the path");
    }
  }

  public String queryParam(String name) {
    return query.get(name);
  }

  public int intQuery(String name, int fallback, int max) {
    String v = query.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 1 || n > max) {
        throw new ApiError(400, name + " must be between 1 and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ApiError(400, name + " must be a number");
    }
  }

  /** The body as JSON of {@code type}; 400 with the parser's message if it is not. */
  public <T> T json(Class<T> type) {
    if (body.length == 0) {
      throw new ApiError(400, "a JSON body is required");
    }
    try {
      return Json.MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new ApiError(400, "invalid JSON body: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new ApiError(400, "unreadable body");
    }
  }

  static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }
}
