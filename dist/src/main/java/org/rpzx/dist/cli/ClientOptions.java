package org.rpzx.dist.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rpzx.dist.config.RpzxConfig;
import picocli.CommandLine.Option;

/**
 * Where the API is and which token to use: {@code --api}/{@code RPZX_API} and {@code
 * --token-file}/{@code RPZX_TOKEN_FILE}, defaulting to what {@code rpzx serve} uses on its embedded
 * defaults; {@code --cacert}/{@code RPZX_CACERT} to trust a private CA or self-signed certificate
 * of an {@code https://} API.
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

  @Option(
      names = "--cacert",
      paramLabel = "FILE",
      description =
          "PEM certificate(s) to trust for an https:// API, e.g. a private CA or the server's"
              + " self-signed certificate (env RPZX_CACERT; default: the JDK's trusted CAs)")
  Path caCert;

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

  /** The {@code --cacert} file, or {@code RPZX_CACERT}, or null. */
  public Path caCert() {
    if (caCert != null) {
      return caCert;
    }
    String env = System.getenv("RPZX_CACERT");
    return env == null || env.isBlank() ? null : Path.of(env);
  }

  public ApiClient client() {
    Path ca = caCert();
    return new ApiClient(apiUrl(), token(), ca == null ? null : TrustedCertificates.context(ca));
  }
}
