package org.rpzx.dist.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rpzx.dist.config.RpzxConfig;
import picocli.CommandLine.Option;

/**
 * Where the API is and which token to use: {@code --api}/{@code RPZX_API} and {@code
 * --token-file}/{@code RPZX_TOKEN_FILE}, defaulting to what {@code rpzx serve} uses on its embedded
 * defaults.
 */
public final class ClientOptions {

  @Option(
      names = "--api",
      paramLabel = "URL",
      description =
          "API base URL (env RPZX_API; default http://" + RpzxConfig.DEFAULT_API_LISTEN + ")")
  String api;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "file holding the API token (env RPZX_TOKEN_FILE; default "
              + RpzxConfig.DEFAULT_DATA_DIR
              + "/operator.token)")
  Path tokenFile;

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  public String apiUrl() {
    String v = api != null ? api : System.getenv("RPZX_API");
    if (v == null || v.isBlank()) {
      v = "http://" + RpzxConfig.DEFAULT_API_LISTEN;
    }
    return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }

  public String token() {
    Path file = tokenFile;
    if (file == null) {
      String env = System.getenv("RPZX_TOKEN_FILE");
      file =
          env != null && !env.isBlank()
              ? Path.of(env)
              : Path.of(RpzxConfig.DEFAULT_DATA_DIR, "operator.token");
    }
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.UNAUTHORIZED,
          "cannot read token file " + file + " (use --token-file or RPZX_TOKEN_FILE)");
    }
  }

  public boolean json() {
    return json;
  }

  public ApiClient client() {
    return new ApiClient(apiUrl(), token());
  }
}
