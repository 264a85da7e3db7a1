package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.rpzx.dist.api.Json;
import org.rpzx.dist.cli.RpzxCommand;
import picocli.CommandLine;

/**
 * The API over HTTPS with a self-signed certificate made by Bouncy Castle: java.net.http trusting
 * that certificate gets answers over TLS 1.3, plain HTTP on the port gets none, a client that does
 * not trust it fails the handshake, and the CLI talks to it with {@code --cacert}.
 */
class ApiTlsIT extends ApiServiceTestBase {

  private static HttpRequest get(String url, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      b.header("Authorization", "Token " + token);
    }
    return b.build();
  }

  private RpzxHarness.CliResult cli(String... args) {
    CommandLine cmd = RpzxCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new RpzxHarness.CliResult(code, out.toString(), err.toString());
  }

  @Test
  void theApiSpeaksTlsWithTheConfiguredCertificate() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
    startWithApi("tls-certificate: " + cert.certificateFile(), "tls-key: " + cert.keyFile());
    int port = service.apiAddress().getPort();
    assertThat(service.apiUrl()).isEqualTo("https://127.0.0.1:" + port);
    Path tokenFile = service.dataDir().resolve("operator.token");
    String token = Files.readString(tokenFile).strip();

    HttpClient trusting = HttpClient.newBuilder().sslContext(cert.trustingClient()).build();
    HttpResponse<String> zone =
        trusting.send(
            get(service.apiUrl() + "/api/v1/zone", token), HttpResponse.BodyHandlers.ofString());
    assertThat(zone.statusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(zone.body()).get("origin").asText())
        .isEqualTo("community.rpz.");
    assertThat(zone.sslSession())
        .hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo("TLSv1.3"));
    assertThat(
            trusting
                .send(
                    get(service.apiUrl() + "/api/v1/zone", null),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .as("tokens are still required over TLS")
        .isEqualTo(401);

    HttpClient plain = HttpClient.newHttpClient();
    assertThatThrownBy(
            () ->
                plain.send(
                    get("http://127.0.0.1:" + port + "/healthz", null),
                    HttpResponse.BodyHandlers.ofString()))
        .as("plain HTTP on the TLS port")
        .isInstanceOf(IOException.class);
    assertThatThrownBy(
            () ->
                plain.send(
                    get(service.apiUrl() + "/healthz", null), HttpResponse.BodyHandlers.ofString()))
        .as("a client that does not trust the self-signed certificate")
        .isInstanceOf(SSLHandshakeException.class);

    RpzxHarness.CliResult status =
        cli(
            "zone",
            "status",
            "--json",
            "--api",
            service.apiUrl(),
            "--token-file",
            tokenFile.toString(),
            "--cacert",
            cert.certificateFile().toString());
    assertThat(status.exitCode()).as(status.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(status.out());
    assertThat(json.get("serial").asLong()).isEqualTo(service.zone().current().serial());

    RpzxHarness.CliResult untrusted =
        cli("zone", "status", "--api", service.apiUrl(), "--token-file", tokenFile.toString());
    assertThat(untrusted.exitCode()).as("unreachable").isEqualTo(3);
    assertThat(untrusted.err()).contains("--cacert");
  }
}
