package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.rpzx.dist.api.Json;

/**
 * A thin JSON client of the control API, over http or https; an API error becomes a {@link
 * CliException}.
 */
public final class ApiClient {

  private final HttpClient http;
  private final String base;
  private final String token;

  /** With the JDK's trusted CAs for an {@code https://} base. */
  public ApiClient(String base, String token) {
    this(base, token, null);
  }

  /**
   * @param tls the client TLS context that trusts the server's certificate (see {@link
   *     TrustedCertificates}); null: the JDK's trusted CAs
   */
  public ApiClient(String base, String token, SSLContext tls) {
    this.base = base;
    this.token = token;
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (tls != null) {
      b.sslContext(tls);
    }
    this.http = b.build();
  }

  public JsonNode get(String path) {
    return send(builder(path).GET().build());
  }

  /** A binary answer (e.g. {@code message/rfc822}) as it is; errors as for JSON calls. */
  public byte[] getBytes(String path, String accept) {
    HttpResponse<byte[]> response =
        exchange(builder(path).setHeader("Accept", accept).GET().build());
    if (response.statusCode() >= 400) {
      throw error(response);
    }
    return response.body();
  }

  public JsonNode delete(String path) {
    return send(builder(path).DELETE().build());
  }

  public JsonNode post(String path, Object body) {
    try {
      byte[] json = Json.MAPPER.writeValueAsBytes(body);
      return send(
          builder(path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(json))
              .build());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CliException(ExitCodes.ERROR, "cannot encode request: " + e.getMessage());
    }
  }

  private HttpRequest.Builder builder(String path) {
    URI uri;
    try {
      uri = URI.create(base + path);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, "bad API URL " + base + ": " + e.getMessage());
    }
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Token " + token)
        .header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<byte[]> response = exchange(request);
    if (response.statusCode() >= 400) {
      throw error(response);
    }
    return parse(response.body());
  }

  private static CliException error(HttpResponse<byte[]> response) {
    JsonNode body = parse(response.body());
    String msg = body != null && body.has("error") ? body.get("error").asText() : "no details";
    return new CliException(
        ExitCodes.forStatus(response.statusCode()),
        "error: " + msg + " (HTTP " + response.statusCode() + ")");
  }

  private HttpResponse<byte[]> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException e) {
      throw unreachable(e, "connection refused (is `rpzx serve` running?)");
    } catch (SSLException e) {
      throw new CliException(
          ExitCodes.UNREACHABLE,
          "TLS with the rpzx API at "
              + base
              + " failed: "
              + e.getMessage()
              + " (a private CA or self-signed certificate needs --cacert)");
    } catch (HttpTimeoutException e) {
      throw unreachable(e, "no answer in time");
    } catch (IOException e) {
      throw unreachable(e, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.ERROR, "interrupted");
    }
  }

  /** One line: where, and the innermost cause (an unknown host is not a refused connection). */
  private CliException unreachable(IOException e, String usual) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why;
    if (root instanceof java.nio.channels.UnresolvedAddressException) {
      why = "unknown host";
    } else if (usual != null) {
      why = usual;
    } else {
      String m = root.getMessage();
      why = m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }
    return new CliException(
        ExitCodes.UNREACHABLE, "cannot reach the rpzx API at " + base + ": " + why);
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
