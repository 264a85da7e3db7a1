package org.rpzx.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.dns.support.DnsTestSupport.query;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.dns.support.RawDns;
import org.rpzx.dns.testzone.TestZone;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** RFC 7766 behaviour on real sockets: pipelining, idle timeout, connection limit. */
class DnsServerTcpIT {

  private DnsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void start(TestZone zone, DnsServerSettings settings) throws Exception {
    server =
        DnsServer.start(
            zone, settings.withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
  }

  private static byte[] q(String name, int type, int id) {
    Message m = query(name, type);
    m.getHeader().setID(id);
    return m.toWire();
  }

  @Test
  void pipelinedQueriesAnsweredInOrderAfterTheTransfer() throws Exception {
    start(
        new TestZone(ZoneSettings.defaults(), 8, DnsServerTransferIT.names(30_000)),
        DnsServerSettings.defaults());
    try (Socket s = RawDns.tcp(server.tcpAddress())) {
      RawDns.send(
          s,
          q("host1.zone1.test.community.rpz.", Type.A, 1),
          q("community.rpz.", Type.AXFR, 2),
          q("community.rpz.", Type.SOA, 3),
          q("nx.community.rpz.", Type.A, 4));
      assertThat(RawDns.read(s).getHeader().getID()).isEqualTo(1);
      int rrs = 0;
      Record last = null;
      while (rrs < 60_003) {
        Message m = RawDns.read(s);
        assertThat(m.getHeader().getID()).isEqualTo(2);
        List<Record> a = m.getSection(Section.ANSWER);
        rrs += a.size();
        last = a.get(a.size() - 1);
      }
      assertThat(last).isInstanceOf(SOARecord.class);
      Message soa = RawDns.read(s);
      assertThat(soa.getHeader().getID()).isEqualTo(3);
      Message nx = RawDns.read(s);
      assertThat(nx.getHeader().getID()).isEqualTo(4);
      assertThat(nx.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }
  }

  @Test
  void idleConnectionsAreClosed() throws Exception {
    start(
        TestZone.of(1, "a.example"),
        DnsServerSettings.defaults().withTcpIdleTimeout(Duration.ofMillis(300)));
    try (Socket s = RawDns.tcp(server.tcpAddress())) {
      RawDns.send(s, q("community.rpz.", Type.SOA, 1));
      assertThat(RawDns.read(s).getRcode()).isEqualTo(Rcode.NOERROR);
      long t0 = System.nanoTime();
      assertThat(RawDns.read(s)).isNull(); // server closed the connection
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosed() throws Exception {
    start(TestZone.of(1, "a.example"), DnsServerSettings.defaults().withMaxTcpConnections(2));
    try (Socket a = RawDns.tcp(server.tcpAddress());
        Socket b = RawDns.tcp(server.tcpAddress())) {
      RawDns.send(a, q("community.rpz.", Type.SOA, 1));
      RawDns.send(b, q("community.rpz.", Type.SOA, 2));
      assertThat(RawDns.read(a).getHeader().getID()).isEqualTo(1);
      assertThat(RawDns.read(b).getHeader().getID()).isEqualTo(2);
      try (Socket c = RawDns.tcp(server.tcpAddress())) {
        assertThat(RawDns.read(c)).isNull();
      }
      RawDns.send(a, q("community.rpz.", Type.SOA, 3));
      assertThat(RawDns.read(a).getHeader().getID()).isEqualTo(3);
    }
  }
}
