package org.rpzx.dist.cli;

/** Exit codes of {@code rpzx}; documented in the root command's help and in the README. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int USAGE = 2;
  public static final int UNREACHABLE = 3;
  public static final int UNAUTHORIZED = 4;
  public static final int NOT_FOUND = 5;
  public static final int CONFLICT = 6;
  public static final int INVALID = 7;

  /** The root command's help footer (a test checks it names every code above). */
  public static final String HELP =
      "Exit codes: 0 ok, 1 error, 2 usage, 3 API unreachable, 4 unauthorized or forbidden,"
          + " 5 not found, 6 conflict, 7 invalid input";

  private ExitCodes() {}

  /** The exit code for an HTTP status of the API. */
  public static int forStatus(int status) {
    return switch (status) {
      case 401, 403 -> UNAUTHORIZED;
      case 404 -> NOT_FOUND;
      case 409 -> CONFLICT;
      case 400, 413, 422 -> INVALID;
      default -> ERROR;
    };
  }
}
