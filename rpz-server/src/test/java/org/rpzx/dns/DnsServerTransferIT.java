package org.rpzx.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rpzx.dns.support.DnsTestSupport.ORIGIN;
import static org.rpzx.dns.support.DnsTestSupport.query;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneView;
import org.rpzx.dns.access.CidrBlock;
import org.rpzx.dns.support.RawDns;
import org.rpzx.dns.testzone.CountingView;
import org.rpzx.dns.testzone.TestZone;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/** AXFR and IXFR against a real server, received by dnsjava's ZoneTransferIn. */
class DnsServerTransferIT {

  private DnsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static List<String> names(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "host" + i + ".zone" + (i % 97) + (i % 3 == 0 ? ".example" : ".test"))
        .toList();
  }

  private void start(ZoneView zone) throws Exception {
    server =
        DnsServer.start(
            zone,
            DnsServerSettings.defaults()
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
  }

  private ZoneTransferIn axfr() {
    ZoneTransferIn x = ZoneTransferIn.newAXFR(ORIGIN, server.tcpAddress(), null);
    x.setTimeout(Duration.ofSeconds(60));
    return x;
  }

  private ZoneTransferIn ixfr(long serial, boolean fallback) {
    ZoneTransferIn x = ZoneTransferIn.newIXFR(ORIGIN, serial, fallback, server.tcpAddress(), null);
    x.setTimeout(Duration.ofSeconds(60));
    return x;
  }

  /** Owner names (relative) of the CNAME records, checking each points to the root. */
  private static Set<String> owners(List<Record> records) {
    Set<String> out = new HashSet<>();
    for (Record r : records) {
      if (r instanceof CNAMERecord c) {
        assertThat(c.getTarget()).isEqualTo(Name.root);
        assertThat(out.add(r.getName().relativize(ORIGIN).toString())).as("duplicate").isTrue();
      }
    }
    return out;
  }

  private static Set<String> expectedOwners(List<String> names) {
    Set<String> out = new HashSet<>();
    for (String n : names) {
      out.add(n);
      out.add("*." + n);
    }
    return out;
  }

  @Test
  void axfrOfTwentyThousandNames() throws Exception {
    List<String> names = names(20_000);
    start(new TestZone(ZoneSettings.defaults(), 77, names));

    ZoneTransferIn x = axfr();
    x.run();
    assertThat(x.isAXFR()).isTrue();
    List<Record> records = x.getAXFR();
    assertThat(records).hasSize(2 * 20_000 + 3);
    assertThat(records.get(0)).isInstanceOf(SOARecord.class);
    assertThat(((SOARecord) records.get(0)).getSerial()).isEqualTo(77);
    assertThat(records.get(records.size() - 1)).isInstanceOf(SOARecord.class);
    assertThat(records.get(1).getType()).isEqualTo(Type.NS);
    assertThat(owners(records)).isEqualTo(expectedOwners(names));

    // the same transfer seen message by message: many RRs per message, several messages
    try (Socket s = RawDns.tcp(server.tcpAddress())) {
      RawDns.send(s, query("community.rpz.", Type.AXFR).toWire());
      int messages = 0;
      int rrs = 0;
      Record last = null;
      while (rrs < 40_003) {
        Message m = RawDns.read(s);
        messages++;
        assertThat(m.getSection(Section.QUESTION)).hasSize(messages == 1 ? 1 : 0);
        assertThat(m.numBytes()).isLessThanOrEqualTo(16_384);
        List<Record> answer = m.getSection(Section.ANSWER);
        rrs += answer.size();
        last = answer.get(answer.size() - 1);
      }
      assertThat(rrs).isEqualTo(40_003);
      assertThat(last).isInstanceOf(SOARecord.class);
      assertThat(messages).isGreaterThan(20);
    }
  }

  @Test
  void ixfrIncrementalUpToDateAndTooOld() throws Exception {
    List<String> names = names(1000);
    TestZone zone = new TestZone(ZoneSettings.defaults(), 10, names);
    start(zone);
    zone.publish(List.of("added1.example", "added2.example"), List.of(names.get(0)));
    zone.publish(List.of("added3.example"), List.of("added1.example"));

    ZoneTransferIn inc = ixfr(10, false);
    inc.run();
    assertThat(inc.isIXFR()).isTrue();
    List<ZoneTransferIn.Delta> deltas = inc.getIXFR();
    assertThat(deltas).hasSize(1); // condensed 10 -> 12
    ZoneTransferIn.Delta d = deltas.get(0);
    assertThat(d.start).isEqualTo(10);
    assertThat(d.end).isEqualTo(12);
    assertThat(owners(d.deletes)).isEqualTo(expectedOwners(List.of(names.get(0))));
    assertThat(owners(d.adds))
        .isEqualTo(expectedOwners(List.of("added2.example", "added3.example")));

    ZoneTransferIn current = ixfr(12, false);
    current.run();
    assertThat(current.isCurrent()).isTrue();

    zone.truncateJournal(1);
    ZoneTransferIn old = ixfr(10, false);
    old.run();
    assertThat(old.isAXFR()).isTrue();
    List<String> now = new ArrayList<>(names.subList(1, names.size()));
    now.addAll(List.of("added2.example", "added3.example"));
    assertThat(owners(old.getAXFR())).isEqualTo(expectedOwners(now));
    assertThat(((SOARecord) old.getAXFR().get(0)).getSerial()).isEqualTo(12);
  }

  @Test
  void transfersFromSourcesOutsideTheAllowListAreRefused() throws Exception {
    TestZone zone = TestZone.of(3, "a.example");
    server =
        DnsServer.start(
            zone,
            DnsServerSettings.defaults()
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withAllowTransfer(List.of(CidrBlock.parse("10.0.0.0/8"))));

    assertThatThrownBy(() -> axfr().run())
        .isInstanceOf(ZoneTransferException.class)
        .hasMessageContaining("REFUSED");
    assertThatThrownBy(() -> ixfr(1, true).run())
        .isInstanceOf(ZoneTransferException.class)
        .hasMessageContaining("REFUSED");
    try (Socket s = RawDns.tcp(server.tcpAddress())) {
      RawDns.send(s, query("community.rpz.", Type.AXFR).toWire());
      Message m = RawDns.read(s);
      assertThat(m.getRcode()).isEqualTo(Rcode.REFUSED);
      assertThat(m.getSection(Section.ANSWER)).isEmpty();
    }
    // ordinary queries are still answered
    SimpleResolver r = new SimpleResolver(server.udpAddress());
    assertThat(r.send(query("community.rpz.", Type.SOA)).getRcode()).isEqualTo(Rcode.NOERROR);
  }

  @Test
  void axfrStaysOnOneSnapshotWhileANewOneIsPublished() throws Exception {
    List<String> names = names(200_000);
    TestZone zone = new TestZone(ZoneSettings.defaults(), 500, names);
    CountingView view = new CountingView(zone);
    start(view);

    AtomicInteger walkedAtPublish = new AtomicInteger(-1);
    List<Record> records = new ArrayList<>();
    ZoneTransferIn x = axfr();
    x.run(
        new ZoneTransferIn.ZoneTransferHandler() {
          @Override
          public void startAXFR() {}

          @Override
          public void startIXFR() {}

          @Override
          public void startIXFRDeletes(Record soa) {}

          @Override
          public void startIXFRAdds(Record soa) {}

          @Override
          public void handleRecord(Record r) {
            records.add(r);
            if (records.size() == 100) {
              walkedAtPublish.set(view.walked());
              zone.publish(List.of("zzz-new.example"), List.of(names.get(5)));
            }
          }
        });

    // the server was still walking the old snapshot when the new one appeared
    assertThat(walkedAtPublish.get()).isBetween(1, names.size() - 1);
    assertThat(records).hasSize(2 * names.size() + 3);
    assertThat(records)
        .filteredOn(r -> r instanceof SOARecord)
        .extracting(r -> ((SOARecord) r).getSerial())
        .containsOnly(500L);
    assertThat(owners(records)).isEqualTo(expectedOwners(names));

    SimpleResolver r = new SimpleResolver(server.udpAddress());
    Message soa = r.send(query("community.rpz.", Type.SOA));
    assertThat(((SOARecord) soa.getSection(Section.ANSWER).get(0)).getSerial()).isEqualTo(501);
  }
}
