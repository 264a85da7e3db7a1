package org.rpzx.dist.api;

import java.util.Map;

/**
 * What a route returns: a status, a body serialised as JSON (a String as text, a byte array as it
 * is; null: no body) and extra headers.
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {
  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public ApiResponse(int status, Object body) {
    this(status, body, Map.of());
  }

  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, body);
  }

  public static ApiResponse created(Object body) {
    return new ApiResponse(201, body);
  }
}
