package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rpzx.dist.api.Json;
import org.xbill.DNS.Rcode;

/**
 * Knot Resolver 5 as a consumer of the HTTP export: a {@code read} token made with the page's
 * {@code kresd-token} command, the page's {@code kresd-fetch} script (curl with {@code
 * If-None-Match}) writing the RPZ file, and kresd configured with the page's {@code kresd} line,
 * which reloads the file when the script replaces it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KnotResolverConsumerIT extends ConsumerTestBase {

  static final Path KRESD = Path.of("/usr/sbin/kresd");
  static final Path CURL = Path.of("/usr/bin/curl");
  static final Path CQUEUES_NOTIFY = Path.of("/usr/share/lua/5.1/cqueues/notify.lua");

  private ResolverProcess kresd;

  @AfterEach
  void stopKresd() {
    if (kresd != null) {
      kresd.close(); // before the service (JUnit runs this before the base class's)
    }
  }

  @Test
  void kresdReadsTheExportFetchedWithATokenAndReloadsIt() throws Exception {
    ResolverProcess.requireInstalled(KRESD, "knot-resolver");
    ResolverProcess.requireInstalled(CURL, "curl");
    ResolverProcess.requireInstalled(CQUEUES_NOTIFY, "lua-cqueues");
    startRpzx();
    mail("first-evil.example\nshared.example\n");

    Path home = Files.createDirectories(dir.resolve("kresd"));
    String created =
        runCliSnippet("kresd-token", DocSnippets.replacing("192.0.2.56/32", "127.0.0.1/32"));
    List<String> lines = created.lines().toList();
    String token = lines.get(lines.size() - 1).strip();
    assertThat(token).startsWith("rpzx_");
    // what the page's echo writes
    Path header = home.resolve("rpzx.header");
    Files.writeString(header, "Authorization: Token " + token + "\n");
    Path rpz = home.resolve("community.rpz");
    String fetchScript =
        doc.get(
            "kresd-fetch",
            DocSnippets.replacing(
                "https://rpzx.example.net:8053",
                "http://127.0.0.1:" + service.apiAddress().getPort(),
                "/etc/knot-resolver/rpzx.header",
                header.toString(),
                "/var/lib/knot-resolver/community.rpz",
                rpz.toString()));

    // the first fetch writes the file; the next one gets 304 and leaves it alone
    DocSnippets.run(home, fetchScript);
    assertThat(Files.readString(rpz))
        .contains("first-evil.example.community.rpz. 60 IN CNAME .")
        .contains(" IN SOA ");
    assertThat(Files.readString(home.resolve("community.rpz.etag")).strip())
        .isEqualTo("\"" + service.zone().current().serial() + "\"");
    FileTime fetched = Files.getLastModifiedTime(rpz);
    Object inode = Files.getAttribute(rpz, "unix:ino");
    Thread.sleep(20);
    DocSnippets.run(home, fetchScript);
    assertThat(Files.getAttribute(rpz, "unix:ino")).as("304: not replaced").isEqualTo(inode);
    assertThat(Files.getLastModifiedTime(rpz)).isEqualTo(fetched);
    assertThat(home.resolve("community.rpz.etag.new")).doesNotExist();

    int port = NamedProcess.reservePort();
    String snippet =
        doc.get(
            "kresd", DocSnippets.replacing("/var/lib/knot-resolver/community.rpz", rpz.toString()));
    Files.writeString(
        home.resolve("kresd.conf"), harnessBefore(home, port) + snippet + harnessAfter());
    kresd =
        ResolverProcess.start(
            "kresd",
            home,
            List.of(
                KRESD.toString(),
                "-n",
                "-c",
                home.resolve("kresd.conf").toString(),
                home.toString()));
    awaitAnswering(kresd, port, Duration.ofSeconds(20));
    assertPolicyEnforced(port, "first-evil.example", "shared.example");
    assertThat(address(port, "fresh-evil.example")).contains(LOCAL_ADDRESS);

    // a mailed submission: the next fetch replaces the file, kresd reloads it
    mail("fresh-evil.example\n");
    long start = System.nanoTime();
    DocSnippets.run(home, fetchScript);
    long fetchMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(Files.getAttribute(rpz, "unix:ino")).as("200: replaced").isNotEqualTo(inode);
    long ms = awaitBlocked(kresd, port, "fresh-evil.example", Duration.ofSeconds(5));
    assertThat(rcode(port, "fresh-evil.example")).isEqualTo(Rcode.NXDOMAIN);
    assertPolicyEnforced(port, "first-evil.example", "fresh-evil.example");
    System.out.printf(
        "Knot Resolver: fetch %d ms, then blocked %d ms later (file watch reload)%n", fetchMs, ms);

    // the operator sees the fetches as the token's last use
    JsonNode tokens =
        Json.MAPPER.readTree(RpzxHarness.cli(service, "token", "list", "--json").out());
    JsonNode used = null;
    for (JsonNode t : tokens) {
      if ("uni-a-kresd".equals(t.path("name").asText())) {
        used = t.get("last_used");
      }
    }
    assertThat(used).as("token uni-a-kresd in " + tokens).isNotNull();
    assertThat(used.isNull()).isFalse();
  }

  /** The test's part of kresd.conf before the page's line: port, no DNSSEC anchor, own cache. */
  private static String harnessBefore(Path home, int port) {
    return "net.listen('127.0.0.1', "
        + port
        + ", { kind = 'dns' })\n"
        + "trust_anchors.remove('.')\n"
        + "modules.unload('detect_time_skew')\n"
        + "cache.open(10 * MB, 'lmdb://"
        + home.resolve("cache")
        + "')\n";
  }

  /** After it: every other name under example. has the local address (the first match wins). */
  private static String harnessAfter() {
    return "policy.add(policy.suffix(policy.ANSWER({ [kres.type.A] = { rdata = kres.str2ip('"
        + LOCAL_ADDRESS
        + "'), ttl = 300 } }), { todname('example.') }))\n";
  }
}
