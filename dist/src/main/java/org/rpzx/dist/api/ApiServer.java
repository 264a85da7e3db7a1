package org.rpzx.dist.api;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.rpzx.core.auth.ApiToken;
import org.rpzx.core.auth.Authentication;
import org.rpzx.core.auth.TokenService;
import org.rpzx.core.privacy.AuditEvent;
import org.rpzx.core.store.StoreException;
import org.rpzx.dns.access.CidrBlock;
import org.rpzx.smtp.SmtpTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener (HTTPS when a certificate is configured): authenticates, routes, serialises.
 * Handlers never see the exchange; they get an {@link ApiRequest} and return an {@link ApiResponse}
 * or throw {@link ApiError}.
 */
public final class ApiServer implements AutoCloseable {

  /**
   * Where and how the API listens.
   *
   * @param address the socket address to bind
   * @param tls the server's TLS context (TLS 1.2 and 1.3 only); null: plain HTTP
   * @param exportAllowedSubnets clients from these fetch {@code GET /export/*} without a token
   */
  public record Listener(
      InetSocketAddress address, SSLContext tls, List<CidrBlock> exportAllowedSubnets) {
    public Listener {
      exportAllowedSubnets = List.copyOf(exportAllowedSubnets);
    }

    /** Plain HTTP, every route behind a token. */
    public static Listener plain(InetSocketAddress address) {
      return new Listener(address, null, List.of());
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final int MAX_BODY = 32 * 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Route> routes;
  private final TokenService tokens;
  private final Map<String, Route.Handler> openRoutes;
  private final List<CidrBlock> exportAllowed;
  private final boolean tls;
  private final AuditTrail audit;

  public ApiServer(
      InetSocketAddress listen,
      List<Route> routes,
      Map<String, Route.Handler> openRoutes,
      TokenService tokens)
      throws IOException {
    this(Listener.plain(listen), routes, openRoutes, tokens);
  }

  public ApiServer(
      Listener listener,
      List<Route> routes,
      Map<String, Route.Handler> openRoutes,
      TokenService tokens)
      throws IOException {
    this(listener, routes, openRoutes, tokens, AuditTrail.NONE);
  }

  /**
   * @param audit receives the requests {@link AuditPolicy} audits, after the route handled them and
   *     before the answer is sent
   */
  public ApiServer(
      Listener listener,
      List<Route> routes,
      Map<String, Route.Handler> openRoutes,
      TokenService tokens,
      AuditTrail audit)
      throws IOException {
    this.audit = audit;
    this.routes = List.copyOf(routes);
    this.openRoutes = Map.copyOf(openRoutes);
    this.tokens = tokens;
    this.exportAllowed = listener.exportAllowedSubnets();
    this.tls = listener.tls() != null;
    this.server =
        tls ? https(listener.address(), listener.tls()) : HttpServer.create(listener.address(), 64);
    this.executor =
        Executors.newFixedThreadPool(
            4, new ThreadFactoryBuilder().setNameFormat("rpzx-api").setDaemon(true).build());
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
  }

  /** HTTPS restricted to TLS 1.2 and 1.3, no client certificates. */
  private static HttpsServer https(InetSocketAddress address, SSLContext context)
      throws IOException {
    HttpsServer https = HttpsServer.create(address, 64);
    https.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = context.getDefaultSSLParameters();
            List<String> supported =
                Arrays.asList(context.getSupportedSSLParameters().getProtocols());
            p.setProtocols(
                SmtpTls.PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
            p.setNeedClientAuth(false);
            params.setSSLParameters(p);
          }
        });
    return https;
  }

  public void start() {
    server.start();
    LOG.info("HTTP API listening on {}", url());
  }

  /** The base URL clients use, e.g. {@code https://127.0.0.1:8053}. */
  public String url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return (tls ? "https://" : "http://") + host + ":" + a.getPort();
  }

  /** Every route that needs a token (under {@code /api/} and {@code /export/}). */
  public List<Route> routes() {
    return routes;
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Who asked for what, as far as the dispatch got: for the audit log. */
  private static final class Trace {
    ApiToken token;
    String tokenId = AuditEvent.UNKNOWN;
    String owner = AuditEvent.UNKNOWN;
    Route route;
    List<String> params = List.of();

    void identify(ApiToken t) {
      tokenId = t.id();
      owner = t.owner();
    }
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      ApiResponse response;
      Trace trace = new Trace();
      try {
        response = dispatch(ex, trace);
      } catch (ApiError e) {
        response = new ApiResponse(e.status(), Map.of("error", e.getMessage()));
      } catch (StoreException e) {
        LOG.error("store error in API: {}", e.getMessage());
        response = new ApiResponse(503, Map.of("error", "the store is unavailable, try again"));
      } catch (RuntimeException e) {
        LOG.error("API handler failed", e);
        response = new ApiResponse(500, Map.of("error", "internal error"));
      }
      audit(ex, trace, response.status());
      send(ex, response);
    }
  }

  /** Writes the audit record of a request {@link AuditPolicy} audits; never fails the request. */
  private void audit(HttpExchange ex, Trace trace, int status) {
    String method = ex.getRequestMethod();
    if (!AuditPolicy.audited(method, trace.route, status, trace.token != null)) {
      return;
    }
    String path = ex.getRequestURI().getRawPath();
    String route =
        trace.route != null
            ? trace.route.template()
            : (path.length() <= 200 ? path : path.substring(0, 200));
    try {
      audit.record(
          new AuditEvent(
              trace.tokenId,
              trace.owner,
              method,
              route,
              AuditPolicy.target(trace.route, trace.params),
              status,
              ex.getRemoteAddress().getAddress().getHostAddress()));
    } catch (RuntimeException e) {
      LOG.error("cannot write the audit log: {}", e.getMessage());
    }
  }

  private ApiResponse dispatch(HttpExchange ex, Trace trace) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String method = ex.getRequestMethod();
    Route.Handler open = openRoutes.get(path);
    if (open != null && method.equals("GET")) {
      return open.handle(request(ex, path, List.of(), null, new byte[0]));
    }
    if (!path.startsWith("/api/") && !path.startsWith("/export/")) {
      throw new ApiError(404, "no such resource: " + path);
    }
    for (Route route : routes) { // known before authentication, so a refusal is audited with it
      Optional<List<String>> params = route.match(path);
      if (params.isPresent() && route.method().equals(method)) {
        trace.route = route;
        trace.params = params.get();
        break;
      }
    }
    ApiToken token = exportWithoutToken(ex, path, method) ? null : authenticate(ex, trace);
    trace.token = token;
    boolean pathKnown = false;
    for (Route route : routes) {
      Optional<List<String>> params = route.match(path);
      if (params.isEmpty()) {
        continue;
      }
      pathKnown = true;
      if (!route.method().equals(method)) {
        continue;
      }
      if (token == null && !route.scope().equals("read")) {
        throw new ApiError(401, "missing Authorization: Token <secret>");
      }
      if (token != null && !token.hasScope(route.scope())) {
        throw new ApiError(403, "this token lacks the '" + route.scope() + "' scope");
      }
      return route.handler().handle(request(ex, path, params.get(), token, body(ex)));
    }
    throw pathKnown
        ? new ApiError(405, method + " is not allowed on " + path)
        : new ApiError(404, "no such resource: " + path);
  }

  /**
   * A {@code GET} of an export without an {@code Authorization} header from an allowed subnet: no
   * token needed (resolvers and firewalls that cannot send one). A request that does send a token
   * is authenticated as usual.
   */
  private boolean exportWithoutToken(HttpExchange ex, String path, String method) {
    if (exportAllowed.isEmpty()
        || !path.startsWith("/export/")
        || !method.equals("GET")
        || ex.getRequestHeaders().containsKey("Authorization")) {
      return false;
    }
    InetAddress client = ex.getRemoteAddress().getAddress();
    return exportAllowed.stream().anyMatch(block -> block.contains(client));
  }

  private ApiToken authenticate(HttpExchange ex, Trace trace) {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    if (header == null) {
      throw new ApiError(401, "missing Authorization: Token <secret>");
    }
    String h = header.strip();
    int space = h.indexOf(' ');
    String scheme = space < 0 ? "" : h.substring(0, space);
    if (!scheme.equalsIgnoreCase("Token") && !scheme.equalsIgnoreCase("Bearer")) {
      throw new ApiError(401, "expected Authorization: Token <secret>");
    }
    Authentication result =
        tokens.authenticate(h.substring(space + 1).strip(), ex.getRemoteAddress().getAddress());
    if (result instanceof Authentication.Valid valid) {
      trace.identify(valid.token());
      return valid.token();
    }
    if (result instanceof Authentication.SubnetNotAllowed refused) {
      trace.identify(refused.token());
      throw new ApiError(403, "this token may not be used from this address");
    }
    throw new ApiError(401, "invalid token");
  }

  private static ApiRequest request(
      HttpExchange ex, String path, List<String> params, ApiToken token, byte[] body) {
    return new ApiRequest(
        ex.getRequestMethod(),
        path,
        params,
        ApiRequest.parseQuery(ex.getRequestURI().getRawQuery()),
        body,
        token,
        ex.getRemoteAddress().getAddress(),
        ex.getRequestHeaders().getFirst("If-None-Match"));
  }

  private static byte[] body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] data = in.readNBytes(MAX_BODY + 1);
      if (data.length > MAX_BODY) {
        throw new ApiError(413, "request body larger than " + MAX_BODY + " bytes");
      }
      return data;
    }
  }

  private static void send(HttpExchange ex, ApiResponse response) throws IOException {
    Object body = response.body();
    byte[] bytes;
    String type;
    if (body == null) {
      bytes = new byte[0];
      type = "application/json";
    } else if (body instanceof byte[] b) {
      bytes = b; // binary, e.g. a raw message: the route sets its Content-Type
      type = "application/octet-stream";
    } else if (body instanceof String s) {
      bytes = s.getBytes(StandardCharsets.UTF_8);
      type = "text/plain; charset=utf-8";
    } else {
      bytes = Json.MAPPER.writeValueAsBytes(body);
      type = "application/json";
    }
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
