package org.rpzx.dist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.rpzx.core.auth.ApiToken;
import org.rpzx.dist.config.ConfigLoader;
import org.rpzx.dist.serve.RpzxService;

/**
 * Fuzzes the bodies of the HTTP API's routes: malformed JSON, wrong types, huge numbers, deep
 * nesting, unknown keys, odd text. Whatever the body, a route answers 2xx or a client error (4xx)
 * with a non-blank message; never the 500 that {@code ApiServer} makes of any other exception, and
 * never a 5xx at all (a body is not a store failure). The answer also serialises as JSON.
 *
 * <p>An input is {@code METHOD TEMPLATE}, a line break and the body; a first line that names no
 * route picks one by its hash, so mutated inputs still reach a route. The handlers run in-process
 * on a real service (store in a temporary directory, listeners on loopback port 0), called as
 * {@code ApiServer} calls them: with the operator's admin token, or, for {@code submit} and {@code
 * report} routes, with a token of the institution {@code uni-a}.
 *
 * <p>Left out: {@code POST /api/v1/consumers} (its {@code notify_targets} would make the service
 * send NOTIFY to whatever address the fuzzer writes) and {@code POST /api/v1/top-sites/fetch} (it
 * downloads the URL in the body).
 *
 * <p>Every build replays {@code ApiBodyFuzzTestInputs/body/}. To fuzz:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl dist -am test -Dtest=ApiBodyFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class ApiBodyFuzzTest {

  static {
    // each accepted write logs a line: quiet, so that the fuzzer is not slowed down by it
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
  }

  private static final Set<String> LEFT_OUT =
      Set.of("POST /api/v1/consumers", "POST /api/v1/top-sites/fetch");
  private static final Map<String, String> PARAMS =
      Map.of(
          "{name}", "uni-a",
          "{id}", "1",
          "{email}", "cert%40uni.example");
  private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();
  private static final Instant NOW = Instant.now();
  private static final ApiToken OPERATOR =
      new ApiToken(
          "fuzz-op",
          ApiToken.OPERATOR,
          Set.of("admin", "read"),
          "fuzz",
          NOW,
          null,
          null,
          null,
          List.of());

  private static final RpzxService SERVICE = start();
  private static final ApiToken INSTITUTION = institutionToken();
  private static final List<Route> ROUTES =
      SERVICE.apiRoutes().stream()
          .filter(r -> !r.method().equals("GET"))
          .filter(r -> !LEFT_OUT.contains(r.method() + " " + r.template()))
          .toList();

  @FuzzTest(maxDuration = "45s")
  void body(byte[] input) {
    int newline = indexOf(input, (byte) '\n');
    String first =
        new String(input, 0, newline < 0 ? input.length : newline, StandardCharsets.UTF_8).strip();
    byte[] body = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
    Route route = pick(first);
    ApiRequest request = request(route, body);
    ApiResponse response;
    try {
      response = route.handler().handle(request);
    } catch (ApiError e) {
      assertThat(e.status())
          .as("%s %s: %s", route.method(), route.template(), e.getMessage())
          .isBetween(400, 499);
      assertThat(e.getMessage()).isNotBlank();
      serialises(Map.of("error", e.getMessage()));
      return;
    }
    assertThat(response.status()).as("%s %s", route.method(), route.template()).isBetween(200, 299);
    if (!(response.body() instanceof byte[]) && !(response.body() instanceof String)) {
      serialises(response.body());
    }
  }

  private static Route pick(String first) {
    for (Route r : ROUTES) {
      if (first.equals(r.method() + " " + r.template())) {
        return r;
      }
    }
    return ROUTES.get(Math.floorMod(first.hashCode(), ROUTES.size()));
  }

  private static ApiRequest request(Route route, byte[] body) {
    String path = route.template();
    for (Map.Entry<String, String> p : PARAMS.entrySet()) {
      path = path.replace(p.getKey(), p.getValue());
    }
    List<String> params = route.match(path).orElseThrow();
    boolean institution = route.scope().equals("submit") || route.scope().equals("report");
    return new ApiRequest(
        route.method(),
        path,
        params,
        Map.of(),
        body,
        institution ? INSTITUTION : OPERATOR,
        LOCAL,
        null);
  }

  private static void serialises(Object body) {
    try {
      Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError("the answer does not serialise as JSON", e);
    }
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static RpzxService start() {
    try {
      Path dir = Files.createTempDirectory("rpzx-api-fuzz");
      Path config = dir.resolve("rpzx.yaml");
      Files.writeString(
          config,
          String.join(
              "\n",
              "data-dir: " + dir.resolve("data"),
              "smtp:",
              "  listen: 127.0.0.1:0",
              "  community-addresses: [blocklist@rpzx.test]",
              "dns:",
              "  listen: 127.0.0.1:0",
              "api:",
              "  listen: 127.0.0.1:0",
              "top-sites:",
              "  n: 100",
              ""));
      RpzxService service = RpzxService.start(ConfigLoader.load(config));
      // the fuzzer runs in one JVM: close and remove the store when it exits, not per input
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    service.close();
                    deleteTree(dir);
                  }));
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is not a test failure
    }
  }

  /** Creates {@code uni-a} with a sender and returns a submit/report token of it. */
  private static ApiToken institutionToken() {
    call("POST", "/api/v1/institutions", "{\"name\":\"uni-a\"}");
    call("POST", "/api/v1/senders", "{\"email\":\"cert@uni.example\",\"institution\":\"uni-a\"}");
    return new ApiToken(
        "fuzz-inst",
        ApiToken.INSTITUTION_PREFIX + 1,
        Set.of("submit", "report", "read"),
        "fuzz",
        NOW,
        null,
        null,
        null,
        List.of());
  }

  private static void call(String method, String template, String json) {
    Route route =
        SERVICE.apiRoutes().stream()
            .filter(r -> r.method().equals(method) && r.template().equals(template))
            .findFirst()
            .orElseThrow();
    ApiResponse r =
        route
            .handler()
            .handle(
                new ApiRequest(
                    method,
                    template,
                    List.of(),
                    Map.of(),
                    json.getBytes(StandardCharsets.UTF_8),
                    OPERATOR,
                    LOCAL,
                    null));
    assertThat(r.status()).as("%s %s", method, template).isEqualTo(201);
  }
}
