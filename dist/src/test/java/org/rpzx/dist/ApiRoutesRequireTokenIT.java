package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpzx.dist.api.Route;

/**
 * Every registered {@code /api/} and {@code /export/} route answers 401 without a token and with an
 * unknown one.
 */
class ApiRoutesRequireTokenIT extends ServiceTestBase {

  private final HttpClient http = HttpClient.newHttpClient();

  private int status(Route route, String authorization) throws Exception {
    String path = route.template().replaceAll("\\{[a-z_]+}", "1");
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.apiAddress().getPort() + path))
            .method(route.method(), HttpRequest.BodyPublishers.ofString("{}"));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void everyApiRouteAnswers401WithoutAToken() throws Exception {
    service = startFromConfigFile();
    List<Route> routes = service.apiRoutes();
    assertThat(routes)
        .extracting(r -> r.method() + " " + r.template())
        .contains(
            "GET /api/v1/institutions",
            "GET /api/v1/zone",
            "POST /api/v1/tokens",
            "DELETE /api/v1/tokens/{id}",
            "POST /api/v1/submissions",
            "GET /export/rpz",
            "GET /api/v1/institutions/{name}",
            "POST /api/v1/institutions/{name}/suspend",
            "POST /api/v1/institutions/{name}/resume",
            "GET /api/v1/entries",
            "GET /api/v1/entries/{name}",
            "GET /api/v1/tsig-keys",
            "POST /api/v1/tsig-keys/{name}/rotate");
    for (Route route : routes) {
      assertThat(route.template()).matches("/(api|export)/.*");
      String what = route.method() + " " + route.template();
      assertThat(status(route, null)).as(what + " without a token").isEqualTo(401);
      assertThat(status(route, "Token rpzx_unknown"))
          .as(what + " with an unknown one")
          .isEqualTo(401);
      assertThat(status(route, "Basic b3A6cGFzcw==")).as(what + " with Basic").isEqualTo(401);
    }
  }
}
