package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.IDN;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.rpzx.dist.api.Json;
import org.rpzx.dist.config.RpzxConfig;
import org.rpzx.dist.serve.RpzxService;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/**
 * The walking skeleton end to end: CLI registers a sender, a real SMTP client mails a domains.txt,
 * dnsjava's ZoneTransferIn sees exactly the expected owner names, and a restart keeps serial and
 * names.
 */
class EndToEndIT extends ServiceTestBase {

  private static final String IDN_NAME = "bücher-böse.de";

  private RpzxConfig config() throws Exception {
    Path topSites = dir.resolve("top.csv");
    Files.copy(
        getClass().getResourceAsStream("/top-sites-test.csv"),
        topSites,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    RpzxConfig d = RpzxConfig.defaults();
    return new RpzxConfig(
        dir.resolve("data").toString(),
        new RpzxConfig.Smtp(
            "127.0.0.1:0", "mx.rpzx.test", List.of(COMMUNITY), 25L * 1024 * 1024, false),
        new RpzxConfig.Dns("127.0.0.1:0", List.of("127.0.0.0/8")),
        new RpzxConfig.Api("127.0.0.1:0"),
        d.zone(),
        d.entries(),
        new RpzxConfig.TopSites(topSites.toString(), 10_000));
  }

  private RpzxHarness.CliResult cli(String... args) {
    return RpzxHarness.cli(service, args);
  }

  private String mail(String domainsTxt) throws Exception {
    return RpzxHarness.mail(service, SENDER, COMMUNITY, domainsTxt);
  }

  private record Axfr(long serial, Set<String> owners) {}

  private Axfr axfr() throws Exception {
    InetSocketAddress dns = service.dnsTcpAddress();
    ZoneTransferIn xfr =
        ZoneTransferIn.newAXFR(
            Name.fromString("community.rpz."), dns.getHostString(), dns.getPort(), null);
    xfr.setTimeout(java.time.Duration.ofSeconds(20));
    xfr.run();
    List<Record> records = xfr.getAXFR();
    assertThat(records.get(0).getType()).isEqualTo(Type.SOA);
    Set<String> owners = new TreeSet<>();
    for (Record r : records) {
      if (r.getType() == Type.CNAME) {
        assertThat(r.rdataToString()).isEqualTo(".");
        owners.add(r.getName().toString());
      }
    }
    return new Axfr(((SOARecord) records.get(0)).getSerial(), owners);
  }

  private int get(String path, String token, StringBuilder body) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var response =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://127.0.0.1:" + service.apiAddress().getPort() + path))
                .header("Authorization", "Token " + token)
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    body.append(response.body());
    return response.statusCode();
  }

  private void assertOnlyTheOwnInstitutionSeesItsSubmission(String reply) throws Exception {
    String id = reply.replaceAll(".*submission (\\d+):.*", "$1");
    assertThat(cli("institution", "add", "Other College").exitCode()).isZero();
    String own;
    String other;
    try (org.rpzx.core.store.Database db =
        org.rpzx.core.store.Database.open(service.dataDir().resolve("rpzx.db"))) {
      var tokens = new org.rpzx.core.auth.TokenService(db, java.time.Clock.systemUTC());
      var directory = new org.rpzx.core.directory.Directory(db, java.time.Clock.systemUTC());
      long ownId = directory.institution("Example University").orElseThrow().id();
      long otherId = directory.institution("Other College").orElseThrow().id();
      own = tokens.issue("institution:" + ownId, java.util.Set.of("read"), "t").secret();
      other = tokens.issue("institution:" + otherId, java.util.Set.of("read"), "t").secret();
    }
    StringBuilder body = new StringBuilder();
    assertThat(get("/api/v1/submissions/" + id, own, body)).isEqualTo(200);
    assertThat(body.toString()).contains("\"authenticated\":\"from-header\"").contains("top-sites");
    body.setLength(0);
    assertThat(get("/api/v1/submissions/" + id, other, body)).isEqualTo(404);
    body.setLength(0);
    assertThat(get("/api/v1/submissions", other, body)).isEqualTo(200);
    assertThat(body.toString()).isEqualTo("[]");
    body.setLength(0);
    assertThat(get("/api/v1/institutions", other, body))
        .as("read scope is not admin")
        .isEqualTo(403);
    body.setLength(0);
    assertThat(get("/api/v1/submissions", "rpzx_wrong", body)).isEqualTo(401);
  }

  @Test
  void mailInZoneOutAndTheSameAfterRestart() throws Exception {
    service = RpzxService.start(config());
    Path token = service.dataDir().resolve("operator.token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token)))
        .isEqualTo("rw-------");
    // the store names every submitter (SPEC §7): owner-only whatever the umask
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(service.dataDir())))
        .isEqualTo("rwx------");
    for (String f : new String[] {"rpzx.db", "rpzx.db-wal", "rpzx.db-shm"}) {
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(service.dataDir().resolve(f))))
          .as(f)
          .isEqualTo("rw-------");
    }

    assertThat(cli("institution", "add", "Example University").exitCode()).isZero();
    RpzxHarness.CliResult sender =
        cli("sender", "add", SENDER, "--institution", "Example University");
    assertThat(sender.exitCode()).as(sender.err()).isZero();
    assertThat(cli("sender", "add", SENDER, "--institution", "Example University").exitCode())
        .as("a second registration is a conflict")
        .isEqualTo(6);

    String reply =
        mail(
            String.join(
                "\r\n",
                "# rpzx end-to-end submission",
                "evil.example.org",
                "host.malware.example.net",
                "*.phish.example.com",
                IDN_NAME,
                "EVIL.Example.org.",
                "",
                "http://evil.example/path",
                "192.0.2.1",
                "com",
                "mail.google.com"));
    assertThat(reply).matches("250 2\\.0\\.0 submission \\d+: 4 accepted, 4 rejected");

    String idn = IDN.toASCII(IDN_NAME); // an independent A-label oracle (IDNA2003 agrees here)
    Set<String> expected = new TreeSet<>();
    for (String n :
        List.of("evil.example.org", "host.malware.example.net", "phish.example.com", idn)) {
      expected.add(n + ".community.rpz.");
      expected.add("*." + n + ".community.rpz.");
    }
    Axfr first = axfr();
    assertThat(first.owners()).isEqualTo(expected);

    assertOnlyTheOwnInstitutionSeesItsSubmission(reply);

    RpzxHarness.CliResult entries = cli("entries", "list", "--json");
    assertThat(entries.exitCode()).isZero();
    JsonNode list = Json.MAPPER.readTree(entries.out()).get("entries");
    assertThat(list).hasSize(4);

    service.close();
    service = RpzxService.start(config());
    Axfr again = axfr();
    assertThat(again.serial()).isEqualTo(first.serial());
    assertThat(again.owners()).isEqualTo(expected);

    RpzxHarness.CliResult status = cli("zone", "status", "--json");
    JsonNode zone = Json.MAPPER.readTree(status.out());
    assertThat(zone.get("serial").asLong()).isEqualTo(first.serial());
    assertThat(zone.get("names").asInt()).isEqualTo(4);
  }
}
