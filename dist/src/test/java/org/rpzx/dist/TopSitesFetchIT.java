package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpzx.dist.api.Json;
import org.rpzx.dist.cli.RpzxCommand;
import org.rpzx.dist.lists.TopSitesFetcher;
import picocli.CommandLine;

/**
 * {@code rpzx top-sites fetch} against a local HTTP server: a zip and a plain CSV are fetched and
 * in force for the next submission; a 404, a garbage body, a too-large body and a stalled server
 * change nothing.
 */
class TopSitesFetchIT extends ServiceTestBase {

  private static final String ZIP_CSV = "1,fetched-top.example\n2,google.com\n";
  private static final String CSV = "1,csv-top.example\n";

  private HttpServer web;
  private final HttpClient http = HttpClient.newHttpClient();
  private String submitToken;

  @BeforeEach
  void startWeb() throws Exception {
    web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    web.createContext("/top-1m.csv.zip", ex -> send(ex, 200, zip(ZIP_CSV)));
    web.createContext("/top.csv", ex -> send(ex, 200, CSV.getBytes(StandardCharsets.UTF_8)));
    web.createContext("/missing", ex -> send(ex, 404, "not here".getBytes(StandardCharsets.UTF_8)));
    web.createContext(
        "/garbage",
        ex ->
            send(
                ex,
                200,
                "<html>\n<body>maintenance</body>\n</html>\n".getBytes(StandardCharsets.UTF_8)));
    web.createContext(
        "/big",
        ex -> send(ex, 200, ("1,big.example\n".repeat(1000)).getBytes(StandardCharsets.UTF_8)));
    web.createContext(
        "/big-chunked",
        ex -> {
          ex.sendResponseHeaders(200, 0); // no Content-Length: the cap must hold while reading
          try (OutputStream out = ex.getResponseBody()) {
            out.write("1,big.example\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
          } catch (IOException e) {
            // the client gave up, as it should
          }
        });
    web.createContext(
        "/stall",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.close();
        });
    web.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    web.start();
  }

  @AfterEach
  void stopWeb() {
    web.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + web.getAddress().getPort() + path;
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] zip(String csv) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("top-1m.csv"));
      zip.write(csv.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private String verdict(String name) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + service.apiAddress().getPort()
                            + "/api/v1/submissions"))
                .header("Authorization", "Token " + submitToken)
                .POST(HttpRequest.BodyPublishers.ofString(name + "\n"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode report = Json.MAPPER.readTree(answer.body());
    return report.get("accepted").asInt() == 1
        ? "accepted"
        : report.get("rejected_lines").get(0).get("reason").asText();
  }

  @Test
  void theServiceFetchesChecksAndReloadsAndFailuresChangeNothing() throws Exception {
    service = startFromConfigFile("top-sites:", "  n: 100", "  url: " + url("/top-1m.csv.zip"));
    RpzxHarness.cli(service, "institution", "add", "Uni A");
    submitToken =
        Json.MAPPER
            .readTree(
                RpzxHarness.cli(
                        service,
                        "token",
                        "create",
                        "--institution",
                        "Uni A",
                        "--scope",
                        "submit",
                        "--json")
                    .out())
            .get("token")
            .asText();
    Path target = service.dataDir().resolve("top-sites.csv");
    assertThat(RpzxHarness.cli(service, "top-sites", "status", "--json").out())
        .contains("\"source\" : \"bundled\"");
    assertThat(verdict("www.fetched-top.example")).isEqualTo("accepted");

    RpzxHarness.CliResult fetched = RpzxHarness.cli(service, "top-sites", "fetch");
    assertThat(fetched.exitCode()).as(fetched.err()).isZero();
    assertThat(fetched.out())
        .contains("fetched " + url("/top-1m.csv.zip"))
        .contains("into " + target)
        .contains("names:     2 of the top 100");
    assertThat(Files.readString(target)).isEqualTo(ZIP_CSV);
    assertThat(verdict("mail.fetched-top.example")).isEqualTo("top-sites");
    String status = RpzxHarness.cli(service, "top-sites", "status", "--json").out();
    assertThat(Json.MAPPER.readTree(status).get("file").asText()).isEqualTo(target.toString());

    for (String[] failure :
        new String[][] {
          {"/missing", "HTTP 404"},
          {"/garbage", "is not a usable Tranco list"},
          {"/nowhere-but-a-dir/", "HTTP 404"}
        }) {
      RpzxHarness.CliResult r =
          RpzxHarness.cli(service, "top-sites", "fetch", "--url", url(failure[0]));
      assertThat(r.exitCode()).as(failure[0]).isEqualTo(1);
      assertThat(r.err().strip())
          .contains(failure[1])
          .endsWith("nothing changed (HTTP 502)")
          .doesNotContain("\n");
      assertThat(Files.readString(target)).isEqualTo(ZIP_CSV);
      assertThat(RpzxHarness.cli(service, "top-sites", "status", "--json").out()).isEqualTo(status);
      assertThat(verdict("x.fetched-top.example")).isEqualTo("top-sites");
    }
    assertThat(RpzxHarness.cli(service, "top-sites", "fetch", "--url", "ftp://x/").err())
        .contains("not an http or https URL");
    try (var files = Files.list(target.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }

    RpzxHarness.CliResult csv =
        RpzxHarness.cli(service, "top-sites", "fetch", "--url", url("/top.csv"), "--json");
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(Json.MAPPER.readTree(csv.out()).get("top_sites").get("names").asInt()).isEqualTo(1);
    assertThat(verdict("www.csv-top.example")).isEqualTo("top-sites");
    assertThat(verdict("y.fetched-top.example")).isEqualTo("accepted");
  }

  @Test
  void withOutputTheCommandFetchesWithoutTheService() throws Exception {
    Path out = dir.resolve("lists/top-1m.csv");
    CommandLine cmd = RpzxCommand.commandLine();
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    cmd.setOut(new PrintWriter(stdout));
    cmd.setErr(new PrintWriter(stderr));

    int code =
        cmd.execute(
            "top-sites",
            "fetch",
            "--url",
            url("/top-1m.csv.zip"),
            "--output",
            out.toString(),
            "--api",
            "http://127.0.0.1:1",
            "--token-file",
            dir.resolve("none").toString());

    assertThat(code).as(stderr.toString()).isZero();
    assertThat(Files.readString(out)).isEqualTo(ZIP_CSV);
    assertThat(stdout.toString()).contains("2 rows written to " + out);

    int failed =
        cmd.execute("top-sites", "fetch", "--url", url("/missing"), "--output", out.toString());
    assertThat(failed).isEqualTo(1);
    assertThat(stderr.toString()).contains("HTTP 404").contains(out + " unchanged");
    assertThat(Files.readString(out)).isEqualTo(ZIP_CSV);
  }

  @Test
  void theSizeCapAndTheTimeoutsHoldWithoutTouchingTheTarget() throws Exception {
    Path target = dir.resolve("top.csv");
    Files.writeString(target, CSV);
    TopSitesFetcher small =
        new TopSitesFetcher(
            new TopSitesFetcher.Limits(
                Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(10), 4_000));

    TopSitesFetcher.Result big = small.fetch(url("/big"), target, 100);
    assertThat(big).isInstanceOf(TopSitesFetcher.Result.Failed.class);
    assertThat(((TopSitesFetcher.Result.Failed) big).message()).contains("more than the cap 4000");

    TopSitesFetcher.Result chunked = small.fetch(url("/big-chunked"), target, 100);
    assertThat(((TopSitesFetcher.Result.Failed) chunked).message())
        .isEqualTo(url("/big-chunked") + ": download larger than the cap of 4000 bytes");

    TopSitesFetcher.Result stalled = small.fetch(url("/stall"), target, 100);
    assertThat(stalled).isInstanceOf(TopSitesFetcher.Result.Failed.class);
    assertThat(((TopSitesFetcher.Result.Failed) stalled).message()).contains("timed out");

    assertThat(Files.readString(target)).isEqualTo(CSV);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }
}
