package org.rpzx.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.rpzx.dns.support.DnsTestSupport.query;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.dns.ratelimit.RateLimitSettings;
import org.rpzx.dns.support.RawDns;
import org.rpzx.dns.testzone.TestZone;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Ordinary queries against a real server on a loopback port, asked by dnsjava's resolver. */
class DnsServerQueryIT {

  private DnsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private SimpleResolver start(TestZone zone, DnsServerSettings settings) throws Exception {
    server = DnsServer.start(zone, settings);
    SimpleResolver r = new SimpleResolver(server.udpAddress());
    r.setTimeout(Duration.ofSeconds(5));
    return r;
  }

  private static DnsServerSettings loopback() {
    return DnsServerSettings.defaults()
        .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  /** A 4 MiB receive buffer (as far as the kernel allows) rides out bursts under load. */
  @Test
  void udpSocketsGetALargeReceiveBuffer() throws Exception {
    start(TestZone.of(1), loopback());
    java.nio.file.Path rmemMax = java.nio.file.Path.of("/proc/sys/net/core/rmem_max");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(rmemMax));
    long max = Long.parseLong(java.nio.file.Files.readAllLines(rmemMax).get(0).trim());
    long expected = Math.min(UdpListeners.SOCKET_RECEIVE_BUFFER, max);
    // Linux reports twice the size it was given (it counts its own bookkeeping)
    assertThat((long) server.udpReceiveBuffer()).isGreaterThanOrEqualTo(expected);
    assertThat(expected).as("more than the usual default").isGreaterThan(212_992);
  }

  @Test
  void portZeroBindsUdpAndTcpOnOneFreePort() throws Exception {
    start(TestZone.of(1), loopback());
    assertThat(server.udpPort()).isPositive();
    assertThat(server.tcpPort()).isEqualTo(server.udpPort());
  }

  @Test
  void answersLikeAnAuthoritativeRpzServer() throws Exception {
    SimpleResolver r = start(TestZone.of(2024, "evil.example", "bad.test"), loopback());

    Message soa = r.send(query("community.rpz.", Type.SOA));
    assertThat(soa.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(((SOARecord) soa.getSection(Section.ANSWER).get(0)).getSerial()).isEqualTo(2024);

    Message ns = r.send(query("community.rpz.", Type.NS));
    assertThat(((NSRecord) ns.getSection(Section.ANSWER).get(0)).getTarget())
        .isEqualTo(Name.fromConstantString("localhost."));

    for (String q : List.of("evil.example.community.rpz.", "www.evil.example.community.rpz.")) {
      Message m = r.send(query(q, Type.A));
      assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
      Record answer = m.getSection(Section.ANSWER).get(0);
      assertThat(answer.getName()).isEqualTo(Name.fromConstantString(q));
      assertThat(((CNAMERecord) answer).getTarget()).isEqualTo(Name.root);
    }

    Message nx = r.send(query("good.example.community.rpz.", Type.A));
    assertThat(nx.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(nx.getSection(Section.AUTHORITY).get(0)).isInstanceOf(SOARecord.class);

    assertThat(r.send(query("evil.example.", Type.A)).getRcode()).isEqualTo(Rcode.REFUSED);
    assertThat(r.send(query("community.rpz.", Type.SOA)).getHeader().getFlag(Flags.RA)).isFalse();
  }

  @Test
  void ednsPayloadDecidesTruncationAndTheResolverFallsBackToTcp() throws Exception {
    List<String> ns =
        IntStream.range(0, 30)
            .mapToObj(i -> "ns" + i + "." + "n".repeat(40) + ".example.")
            .toList();
    ZoneSettings big = new ZoneSettings("community.rpz.", 60, ns.get(0), "h.x.", 1, 1, 1, 1, ns);
    SimpleResolver r = start(new TestZone(big, 1, List.of()), loopback());
    r.setEDNS(0, 512, 0, List.of());
    r.setIgnoreTruncation(true);
    Message truncated = r.send(query("community.rpz.", Type.NS));
    assertThat(truncated.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(truncated.getOPT()).isNotNull();

    r.setIgnoreTruncation(false); // dnsjava retries over TCP on TC
    Message full = r.send(query("community.rpz.", Type.NS));
    assertThat(full.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(full.getSection(Section.ANSWER)).hasSize(30);

    r.setEDNS(0, 1232, 0, List.of());
    r.setIgnoreTruncation(true);
    Message edns = r.send(query("community.rpz.", Type.NS));
    assertThat(edns.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(edns.getSection(Section.ANSWER)).hasSize(30);
  }

  @Test
  void rateLimitedClientsGetTruncatedAnswersAndRetryOverTcp() throws Exception {
    RateLimitSettings rrl =
        RateLimitSettings.defaults().withResponsesPerSecond(3).withSlip(1).withExempt(List.of());
    SimpleResolver r = start(TestZone.of(8, "evil.example"), loopback().withRateLimit(rrl));
    byte[] q = query("evil.example.community.rpz.", Type.A).toWire();
    int full = 0;
    int truncated = 0;
    for (int i = 0; i < 30; i++) {
      Message m = RawDns.udp(server.udpAddress(), q);
      if (m.getHeader().getFlag(Flags.TC)) {
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
        truncated++;
      } else {
        assertThat(m.getSection(Section.ANSWER)).hasSize(1);
        full++;
      }
    }
    // a burst of 3, plus 3 a second refilled while the loop runs
    assertThat(full).isGreaterThanOrEqualTo(3);
    assertThat(truncated).isGreaterThan(10);
    assertThat(full + truncated).isEqualTo(30);
    // a real resolver follows TC=1 to TCP, which is not rate limited
    Message viaTcp = r.send(query("evil.example.community.rpz.", Type.A));
    assertThat(viaTcp.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(viaTcp.getSection(Section.ANSWER)).hasSize(1);
  }

  @Test
  void axfrOverUdpIsRefused() throws Exception {
    start(TestZone.of(1, "a.example"), loopback());
    Message m = RawDns.udp(server.udpAddress(), query("community.rpz.", Type.AXFR).toWire());
    assertThat(m.getRcode()).isEqualTo(Rcode.REFUSED);
    assertThat(m.getSection(Section.ANSWER)).isEmpty();
  }

  @Test
  void garbageGetsFormErrAndTheServerKeepsServing() throws Exception {
    SimpleResolver r = start(TestZone.of(1, "a.example"), loopback());
    byte[] garbage = {7, 7, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, (byte) 0xc0, 0x0c};
    assertThat(RawDns.udp(server.udpAddress(), garbage).getRcode()).isEqualTo(Rcode.FORMERR);
    assertThat(r.send(query("community.rpz.", Type.SOA)).getRcode()).isEqualTo(Rcode.NOERROR);
  }

  @Test
  void servesIpv6() throws Exception {
    assumeThat(Files.readString(Path.of("/proc/net/if_inet6")))
        .contains("00000000000000000000000000000001");
    TestZone zone = TestZone.of(5, "a.example");
    server =
        DnsServer.start(
            zone, DnsServerSettings.defaults().withListen(new InetSocketAddress("::1", 0)));
    SimpleResolver r = new SimpleResolver(server.udpAddress());
    r.setTimeout(Duration.ofSeconds(5));
    Message soa = r.send(query("community.rpz.", Type.SOA));
    assertThat(((SOARecord) soa.getSection(Section.ANSWER).get(0)).getSerial()).isEqualTo(5);
    r.setTCP(true);
    assertThat(r.send(query("a.example.community.rpz.", Type.A)).getSection(Section.ANSWER))
        .hasSize(1);
  }
}
