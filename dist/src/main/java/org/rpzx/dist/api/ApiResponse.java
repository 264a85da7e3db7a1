package org.rpzx.dist.api;

/** What a route returns: a status and a body serialised as JSON (null: no body). */
public record ApiResponse(int status, Object body) {
  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, body);
  }

  public static ApiResponse created(Object body) {
    return new ApiResponse(201, body);
  }
}
