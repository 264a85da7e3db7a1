package org.rpzx.dns.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.dns.DnsServer;
import org.rpzx.dns.DnsServerSettings;
import org.rpzx.dns.access.CidrBlock;
import org.rpzx.dns.access.ConsumerDirectory;
import org.rpzx.dns.access.ConsumerInfo;
import org.rpzx.dns.query.TransferEvent;
import org.rpzx.dns.ratelimit.RateLimitSettings;
import org.rpzx.dns.support.DnsTestSupport;
import org.rpzx.dns.testzone.TestZone;
import org.rpzx.dns.tsig.TsigAlgorithm;
import org.rpzx.dns.tsig.TsigKey;
import org.rpzx.dns.tsig.TsigKeyring;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/**
 * The hostile packet corpus ({@code hostile/packets}, written by {@code
 * scripts/hostile-corpus/packets.py}) against a real server on 127.0.0.1: every message is sent
 * over UDP and over TCP from a stranger (127.0.0.1) or a keyless consumer's subnet (127.0.0.2),
 * followed on the same socket by an ordinary SOA query. The first answer must be exactly what
 * {@code expected.tsv} says (for {@code drop}: the SOA answer, so nothing was sent for the item),
 * the SOA query must still be answered with the unchanged serial, and no transfer may have been
 * served except where the item expects one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostilePacketsIT {

  static final TsigKey KEY =
      new TsigKey(
          Name.fromConstantString("hostile-key."),
          TsigAlgorithm.HMAC_SHA256,
          IntStream.range(0, 32)
              .collect(
                  java.io.ByteArrayOutputStream::new,
                  (o, i) -> o.write(i),
                  (a, b) -> a.writeBytes(b.toByteArray()))
              .toByteArray());
  private static final int SOA_ID = 0xBEEF;
  private static final long SERIAL = 2026112301L;

  private TestZone zone;
  private DnsServer server;
  private final List<TransferEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws IOException {
    zone = new TestZone(ZoneSettings.defaults(), SERIAL, List.of("evil.example", "bad.example"));
    server =
        DnsServer.builder(
                zone,
                DnsServerSettings.defaults()
                    .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .withAllowTransfer(List.of())
                    .withRateLimit(RateLimitSettings.OFF))
            .keyring(TsigKeyring.of(List.of(KEY)))
            .consumers(
                ConsumerDirectory.of(
                    List.of(
                        new ConsumerInfo(
                            "signed", "inst-a", Optional.of(KEY.name()), List.of(), List.of()),
                        new ConsumerInfo(
                            "by-subnet",
                            "inst-b",
                            Optional.empty(),
                            List.of(CidrBlock.parse("127.0.0.2/32")),
                            List.of()))))
            .transferLog(events::add)
            .start();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  List<PacketItem> items() throws IOException {
    return PacketItem.load();
  }

  @Test
  void corpusHasAtLeast60Items() throws IOException {
    assertThat(items()).hasSizeGreaterThanOrEqualTo(60);
    assertThat(items()).filteredOn(i -> i.udp().equals("drop")).isNotEmpty();
    assertThat(items()).filteredOn(i -> i.udp().startsWith("NOTAUTH")).hasSizeGreaterThan(5);
  }

  @ParameterizedTest(name = "udp {0}")
  @MethodSource("items")
  void overUdp(PacketItem item) throws IOException {
    events.clear();
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(item.sourceAddress(), 0))) {
      s.setSoTimeout(5000);
      s.send(new DatagramPacket(item.wire(), item.wire().length, server.udpAddress()));
      byte[] soa = soaQuery();
      s.send(new DatagramPacket(soa, soa.length, server.udpAddress()));
      List<Message> before = new ArrayList<>();
      Message answer;
      while ((answer = receive(s)).getHeader().getID() != SOA_ID) {
        before.add(answer);
      }
      check(item, item.udp(), before, answer);
    }
  }

  @ParameterizedTest(name = "tcp {0}")
  @MethodSource("items")
  void overTcp(PacketItem item) throws IOException {
    events.clear();
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(item.sourceAddress(), 0));
      s.connect(server.tcpAddress(), 5000);
      s.setSoTimeout(10_000);
      s.getOutputStream().write(framed(item.wire()));
      s.getOutputStream().write(framed(soaQuery()));
      s.getOutputStream().flush();
      DataInputStream in = new DataInputStream(s.getInputStream());
      List<Message> before = new ArrayList<>();
      Message answer;
      while ((answer = read(in)).getHeader().getID() != SOA_ID || isTransferPart(answer)) {
        before.add(answer);
      }
      check(item, item.tcp(), before, answer);
    }
  }

  private void check(PacketItem item, String expected, List<Message> before, Message soaAnswer) {
    String what = item.file() + ": " + item.comment();
    if (expected.equals("drop")) {
      assertThat(before).as(what + " (nothing before the SOA answer)").isEmpty();
    } else {
      assertThat(before).as(what).isNotEmpty();
      Message first = before.get(0);
      assertThat(describe(first)).as(what).isEqualTo(expected);
      if (item.wire().length >= 2) {
        int id = ((item.wire()[0] & 0xff) << 8) | (item.wire()[1] & 0xff);
        assertThat(first.getHeader().getID()).as(what + " (ID echoed)").isEqualTo(id);
      }
    }
    // the server is unharmed: the ordinary SOA query right after is answered, zone unchanged
    assertThat(soaAnswer.getRcode()).as(what + " then SOA").isEqualTo(Rcode.NOERROR);
    assertThat(((SOARecord) soaAnswer.getSection(Section.ANSWER).get(0)).getSerial())
        .isEqualTo(SERIAL);
    assertThat(zone.current().serial()).isEqualTo(SERIAL);
    boolean transferExpected = expected.equals("NOERROR") && item.file().contains("xfr");
    assertThat(events)
        .as(what + " (transfers served)")
        .filteredOn(e -> e.kind().name().startsWith("AXFR") || e.kind().name().startsWith("IXFR"))
        .hasSize(transferExpected ? 1 : 0);
  }

  /** The RCODE (extended by OPT) as dnsjava names it, plus the TSIG error for NOTAUTH. */
  static String describe(Message m) {
    int rcode = m.getRcode();
    String text = Rcode.string(rcode);
    TSIGRecord tsig = m.getTSIG();
    if (rcode == Rcode.NOTAUTH && tsig != null) {
      text += "/" + Rcode.TSIGstring(tsig.getError());
    }
    return text;
  }

  /** An AXFR answer's messages carry the query's ID too; only a SOA-typed question is ours. */
  private static boolean isTransferPart(Message m) {
    return m.getQuestion() != null && m.getQuestion().getType() != Type.SOA;
  }

  private static byte[] soaQuery() {
    Message q = DnsTestSupport.query("community.rpz.", Type.SOA);
    q.getHeader().setID(SOA_ID);
    return q.toWire();
  }

  private static byte[] framed(byte[] wire) {
    byte[] f = new byte[wire.length + 2];
    f[0] = (byte) (wire.length >>> 8);
    f[1] = (byte) wire.length;
    System.arraycopy(wire, 0, f, 2, wire.length);
    return f;
  }

  private static Message receive(DatagramSocket s) throws IOException {
    byte[] buf = new byte[65535];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    s.receive(p);
    return new Message(Arrays.copyOf(buf, p.getLength()));
  }

  private static Message read(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readUnsignedShort()];
    in.readFully(b);
    return new Message(b);
  }
}
