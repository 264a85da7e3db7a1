package org.rpzx.dist.api;

/** An HTTP error answer: status code and one clear line for the client. */
public final class ApiError extends RuntimeException {
  private final int status;

  public ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
