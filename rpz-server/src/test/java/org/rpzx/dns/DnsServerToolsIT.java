package org.rpzx.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.dns.testzone.TestZone;

/** The server as seen by BIND's dig and Knot's kdig. */
class DnsServerToolsIT {

  private static final int NAMES = 5000;
  private static TestZone zone;
  private static List<String> names;
  private static DnsServer server;

  /** One record line of dig/kdig presentation output. */
  record Rr(String owner, long ttl, String type, String rdata) {}

  @BeforeAll
  static void start() throws Exception {
    names = DnsServerTransferIT.names(NAMES);
    zone = new TestZone(ZoneSettings.defaults(), 31, names);
    server =
        DnsServer.start(
            zone,
            DnsServerSettings.defaults()
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<Rr> run(String... command) throws IOException, InterruptedException {
    assumeThat(Files.isExecutable(Path.of(command[0]))).as(command[0]).isTrue();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    List<Rr> rrs = new ArrayList<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith(";")) {
        continue;
      }
      String[] f = l.split("\\s+", 5);
      assertThat(f).as(l).hasSize(5);
      assertThat(f[2]).isEqualTo("IN");
      rrs.add(new Rr(f[0], Long.parseLong(f[1]), f[3], f[4]));
    }
    return rrs;
  }

  private static String port() {
    return Integer.toString(server.tcpPort());
  }

  private void assertFullZone(List<Rr> rrs) {
    assertThat(rrs).hasSize(2 * NAMES + 3);
    assertThat(rrs.get(0).type()).isEqualTo("SOA");
    assertThat(rrs.get(0).rdata()).contains(" 31 ");
    assertThat(rrs.get(rrs.size() - 1)).isEqualTo(rrs.get(0));
    assertThat(rrs.get(1)).isEqualTo(new Rr("community.rpz.", 60, "NS", "localhost."));
    Set<String> owners = new HashSet<>();
    for (Rr r : rrs.subList(2, rrs.size() - 1)) {
      assertThat(r.type()).isEqualTo("CNAME");
      assertThat(r.rdata()).isEqualTo(".");
      assertThat(r.ttl()).isEqualTo(60);
      owners.add(r.owner());
    }
    Set<String> expected = new HashSet<>();
    for (String n : names) {
      expected.add(n + ".community.rpz.");
      expected.add("*." + n + ".community.rpz.");
    }
    assertThat(owners).isEqualTo(expected);
  }

  @Test
  void digAxfr() throws Exception {
    assertFullZone(
        run(
            "/usr/bin/dig",
            "@127.0.0.1",
            "-p",
            port(),
            "community.rpz.",
            "AXFR",
            "+noall",
            "+answer"));
  }

  @Test
  void kdigAxfr() throws Exception {
    assertFullZone(
        run(
            "/usr/bin/kdig",
            "@127.0.0.1",
            "-p",
            port(),
            "community.rpz.",
            "AXFR",
            "+noall",
            "+answer"));
  }

  @Test
  void digSoaAndNames() throws Exception {
    List<Rr> soa =
        run(
            "/usr/bin/dig",
            "@127.0.0.1",
            "-p",
            port(),
            "community.rpz.",
            "SOA",
            "+noall",
            "+answer");
    assertThat(soa).hasSize(1);
    assertThat(soa.get(0).rdata())
        .isEqualTo("localhost. hostmaster.community.rpz. 31 300 60 1209600 60");

    String name = names.get(17) + ".community.rpz.";
    List<Rr> cname =
        run(
            "/usr/bin/dig",
            "@127.0.0.1",
            "-p",
            port(),
            "deep.below." + name,
            "A",
            "+noall",
            "+answer");
    assertThat(cname).containsExactly(new Rr("deep.below." + name, 60, "CNAME", "."));
  }

  @Test
  void kdigSoaOverTcp() throws Exception {
    List<Rr> soa =
        run(
            "/usr/bin/kdig",
            "@127.0.0.1",
            "-p",
            port(),
            "+tcp",
            "community.rpz.",
            "SOA",
            "+noall",
            "+answer");
    assertThat(soa).hasSize(1);
    assertThat(soa.get(0).type()).isEqualTo("SOA");
  }
}
