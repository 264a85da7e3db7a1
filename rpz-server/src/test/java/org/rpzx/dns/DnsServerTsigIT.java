package org.rpzx.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rpzx.dns.support.DnsTestSupport.ORIGIN;
import static org.rpzx.dns.support.DnsTestSupport.ixfrQuery;
import static org.rpzx.dns.support.DnsTestSupport.query;
import static org.rpzx.dns.support.TsigTestKeys.client;
import static org.rpzx.dns.support.TsigTestKeys.key;
import static org.rpzx.dns.support.TsigTestKeys.sign;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.dns.access.CidrBlock;
import org.rpzx.dns.access.ConsumerDirectory;
import org.rpzx.dns.access.ConsumerInfo;
import org.rpzx.dns.query.TransferEvent;
import org.rpzx.dns.support.RawDns;
import org.rpzx.dns.support.ToolRunner;
import org.rpzx.dns.support.TsigTestKeys;
import org.rpzx.dns.testzone.TestZone;
import org.rpzx.dns.tsig.TsigAlgorithm;
import org.rpzx.dns.tsig.TsigKey;
import org.rpzx.dns.tsig.TsigKeyring;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * TSIG (RFC 8945) on a real server: transfers signed message by message and checked by dnsjava's
 * {@link TSIG.StreamVerifier}; NOTAUTH with BADSIG, BADKEY, BADTIME; the consumer rules.
 */
class DnsServerTsigIT {

  static final int NAMES = 3000;
  static final List<String> NAME_LIST = DnsServerTransferIT.names(NAMES);

  /** One key per algorithm, each belonging to a consumer without subnets. */
  static TsigKey keyFor(TsigAlgorithm a) {
    return key("xfr-" + a.configName() + ".example.", a, a.ordinal() + 1);
  }

  /** Belongs to a consumer that may transfer only from 192.0.2.0/24. */
  static final TsigKey REMOTE_ONLY = key("remote.example.", TsigAlgorithm.HMAC_SHA256, 99);

  /** Known to the keyring, but no consumer's key. */
  static final TsigKey ORPHAN = key("orphan.example.", TsigAlgorithm.HMAC_SHA256, 98);

  private TestZone zone;
  private DnsServer server;
  private final List<TransferEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    List<TsigKey> keys = new ArrayList<>();
    List<ConsumerInfo> consumers = new ArrayList<>();
    for (TsigAlgorithm a : TsigAlgorithm.values()) {
      keys.add(keyFor(a));
      consumers.add(
          new ConsumerInfo(
              "resolver-" + a.configName(),
              "inst-" + a.ordinal(),
              Optional.of(keyFor(a).name()),
              List.of(),
              List.of()));
    }
    keys.add(REMOTE_ONLY);
    keys.add(ORPHAN);
    consumers.add(
        new ConsumerInfo(
            "remote",
            "inst-remote",
            Optional.of(REMOTE_ONLY.name()),
            List.of(CidrBlock.parse("192.0.2.0/24")),
            List.of()));
    zone = new TestZone(ZoneSettings.defaults(), 40, NAME_LIST);
    server =
        DnsServer.builder(
                zone,
                DnsServerSettings.defaults()
                    .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .withAllowTransfer(List.of())) // unsigned transfers: nobody
            .keyring(TsigKeyring.of(keys))
            .consumers(ConsumerDirectory.of(consumers))
            .transferLog(events::add)
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ZoneTransferIn axfr(TSIG tsig) {
    ZoneTransferIn x = ZoneTransferIn.newAXFR(ORIGIN, server.tcpAddress(), tsig);
    x.setTimeout(Duration.ofSeconds(30));
    return x;
  }

  /** Every message of the answer to a signed query, each checked by a StreamVerifier. */
  private List<Message> signedStream(byte[] query, TSIG tsig, int expectedRecords)
      throws Exception {
    TSIGRecord queryTsig = new Message(query).getTSIG();
    TSIG.StreamVerifier verifier = new TSIG.StreamVerifier(tsig, queryTsig);
    List<Message> messages = new ArrayList<>();
    try (Socket s = RawDns.tcp(server.tcpAddress())) {
      RawDns.send(s, query);
      int records = 0;
      while (records < expectedRecords) {
        byte[] wire = RawDns.readBytes(s);
        Message m = new Message(wire);
        assertThat(m.getTSIG()).as("message %d signed", messages.size()).isNotNull();
        assertThat(verifier.verify(m, wire))
            .as("message %d: %s", messages.size(), verifier.getErrorMessage())
            .isEqualTo(Rcode.NOERROR);
        assertThat(m.isVerified()).isTrue();
        assertThat(m.numBytes()).isLessThanOrEqualTo(16_384);
        records += m.getSection(Section.ANSWER).size();
        messages.add(m);
      }
      assertThat(records).isEqualTo(expectedRecords);
    }
    return messages;
  }

  @ParameterizedTest
  @EnumSource(TsigAlgorithm.class)
  void axfrIsSignedMessageByMessage(TsigAlgorithm algorithm) throws Exception {
    TSIG tsig = client(keyFor(algorithm));

    ZoneTransferIn x = axfr(tsig); // verifies every message with a StreamVerifier itself
    x.run();
    assertThat(x.getAXFR()).hasSize(2 * NAMES + 3);

    List<Message> messages =
        signedStream(sign(query("community.rpz.", Type.AXFR), tsig), tsig, 2 * NAMES + 3);
    assertThat(messages.size()).isGreaterThan(5);
    assertThat(messages.get(0).getTSIG().getAlgorithm()).isEqualTo(algorithm.dnsName());

    TransferEvent last = awaitEvent(TransferEvent.Kind.AXFR, 2);
    assertThat(last.consumer()).isEqualTo("resolver-" + algorithm.configName());
    assertThat(last.complete()).isTrue();
    long framed = messages.stream().mapToLong(m -> m.numBytes() + 2L).sum();
    assertThat(last.bytes()).isEqualTo(framed);
  }

  @Test
  void ixfrIsSigned() throws Exception {
    TSIG tsig = client(keyFor(TsigAlgorithm.HMAC_SHA256));
    zone.publish(List.of("new1.example", "new2.example"), List.of(NAME_LIST.get(3)));

    ZoneTransferIn x = ZoneTransferIn.newIXFR(ORIGIN, 40, false, server.tcpAddress(), tsig);
    x.setTimeout(Duration.ofSeconds(30));
    x.run();
    assertThat(x.isIXFR()).isTrue();
    assertThat(x.getIXFR()).hasSize(1);
    assertThat(x.getIXFR().get(0).adds).hasSize(1 + 4); // dnsjava counts the SOA in

    // SOA(41) SOA(40) 2 deleted SOA(41) 4 added SOA(41)
    List<Message> m = signedStream(sign(ixfrQuery(40), tsig), tsig, 10);
    assertThat(m).hasSize(1);

    // up to date: SOA only, signed
    signedStream(sign(ixfrQuery(41), tsig), tsig, 1);
    // over UDP as one signed datagram
    byte[] q = sign(ixfrQuery(40), tsig);
    byte[] answer = RawDns.udpBytes(server.udpAddress(), q);
    Message a = new Message(answer);
    assertThat(tsig.verify(a, answer, new Message(q).getTSIG())).isEqualTo(Rcode.NOERROR);
    assertThat(a.getSection(Section.ANSWER)).hasSize(10);
  }

  @Test
  void signedSoaQueryGetsSignedAnswerAndNamesTheConsumer() throws Exception {
    TSIG tsig = client(keyFor(TsigAlgorithm.HMAC_SHA512));
    byte[] q = sign(query("community.rpz.", Type.SOA), tsig);
    byte[] answer = RawDns.udpBytes(server.udpAddress(), q);
    Message a = new Message(answer);
    assertThat(a.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(tsig.verify(a, answer, new Message(q).getTSIG())).isEqualTo(Rcode.NOERROR);
    TransferEvent e = awaitEvent(TransferEvent.Kind.SOA_QUERY, 1);
    assertThat(e.consumer()).isEqualTo("resolver-hmac-sha512");
    assertThat(e.serial()).isEqualTo(40);
  }

  @Test
  void wrongSecretIsBadsig() throws Exception {
    TsigKey real = keyFor(TsigAlgorithm.HMAC_SHA256);
    TsigKey forged = new TsigKey(real.name(), real.algorithm(), new byte[32]);
    for (boolean tcp : new boolean[] {true, false}) {
      byte[] q = sign(query("community.rpz.", tcp ? Type.AXFR : Type.SOA), client(forged));
      Message a = tcp ? tcpOne(q) : new Message(RawDns.udpBytes(server.udpAddress(), q));
      assertTsigError(a, Rcode.BADSIG, real.name());
    }
    assertThatThrownBy(() -> axfr(client(forged)).run())
        .isInstanceOf(ZoneTransferException.class)
        .hasMessageContaining("NOTAUTH");
  }

  @Test
  void unknownKeyIsBadkey() throws Exception {
    TsigKey stranger = key("stranger.example.", TsigAlgorithm.HMAC_SHA256, 7);
    assertTsigError(
        tcpOne(sign(query("community.rpz.", Type.AXFR), client(stranger))),
        Rcode.BADKEY,
        stranger.name());
    // a known key name used with another algorithm is unknown as well
    TsigKey known = keyFor(TsigAlgorithm.HMAC_SHA256);
    TsigKey otherAlg = new TsigKey(known.name(), TsigAlgorithm.HMAC_SHA512, known.secret());
    assertTsigError(
        tcpOne(sign(query("community.rpz.", Type.AXFR), client(otherAlg))),
        Rcode.BADKEY,
        known.name());
  }

  @Test
  void clockSkewIsBadtimeWithServerTime() throws Exception {
    TsigKey k = keyFor(TsigAlgorithm.HMAC_SHA256);
    Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
    TSIG tsig = client(k, skewed);
    byte[] q = sign(query("community.rpz.", Type.AXFR), tsig);
    byte[] wire = tcpOneBytes(q);
    Message a = new Message(wire);
    assertThat(a.getRcode()).isEqualTo(Rcode.NOTAUTH);
    TSIGRecord t = a.getTSIG();
    assertThat(t.getError()).isEqualTo(Rcode.BADTIME);
    assertThat(a.getSection(Section.ANSWER)).isEmpty();
    // RFC 8945 §5.2.3: signed, time signed copied from the request, server time in other data
    assertThat(t.getSignature()).isNotEmpty();
    assertThat(tsig.verify(a, wire, new Message(q).getTSIG())).isEqualTo(Rcode.NOERROR);
    assertThat(t.getOther()).hasSize(6);
    long serverTime = new DNSInput(t.getOther()).readU16() * (1L << 32);
    DNSInput other = new DNSInput(t.getOther());
    other.readU16();
    serverTime += other.readU32();
    assertThat(Math.abs(serverTime - Instant.now().getEpochSecond())).isLessThan(60);
  }

  @Test
  void unsignedTransferOutsideAllowedSubnetsIsRefused() throws Exception {
    Message a = tcpOne(query("community.rpz.", Type.AXFR).toWire());
    assertThat(a.getRcode()).isEqualTo(Rcode.REFUSED);
    assertThat(a.getTSIG()).isNull();
    assertThatThrownBy(() -> axfr(null).run())
        .isInstanceOf(ZoneTransferException.class)
        .hasMessageContaining("REFUSED");
  }

  @Test
  void validKeyFromOutsideItsConsumersSubnetsIsRefusedSigned() throws Exception {
    for (TsigKey k : List.of(REMOTE_ONLY, ORPHAN)) {
      TSIG tsig = client(k);
      byte[] q = sign(query("community.rpz.", Type.AXFR), tsig);
      byte[] wire = tcpOneBytes(q);
      Message a = new Message(wire);
      assertThat(a.getRcode()).isEqualTo(Rcode.REFUSED);
      assertThat(tsig.verify(a, wire, new Message(q).getTSIG())).isEqualTo(Rcode.NOERROR);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TsigAlgorithm.class,
      names = {"HMAC_SHA256", "HMAC_SHA1"})
  void digAndKdigVerifySignedAxfr(TsigAlgorithm algorithm) throws Exception {
    TsigKey k = keyFor(algorithm);
    String y = algorithm.configName() + ":" + k.name() + ":" + TsigTestKeys.base64(k);
    String port = Integer.toString(server.tcpPort());
    for (String tool : List.of("/usr/bin/dig", "/usr/bin/kdig")) {
      String out =
          ToolRunner.run(tool, "@127.0.0.1", "-p", port, "-y", y, "community.rpz.", "AXFR");
      List<String> rrs = ToolRunner.records(out);
      assertThat(rrs.stream().filter(l -> l.contains("\tIN\t") || l.matches(".*\\sIN\\s.*")))
          .as(out.lines().limit(20).toList().toString())
          .hasSize(2 * NAMES + 3);
      long tsigLines = rrs.stream().filter(l -> l.matches(".*\\sTSIG\\s.*")).count();
      assertThat(tsigLines).as("one TSIG per message").isGreaterThan(5);
      assertThat(out.toLowerCase(java.util.Locale.ROOT))
          .doesNotContain("failure")
          .doesNotContain("couldn't")
          .doesNotContain("notauth");
    }
    String bad = algorithm.configName() + ":" + k.name() + ":" + "AAAAAAAAAAAAAAAAAAAAAA==";
    String out =
        ToolRunner.runAnyExit(
            "/usr/bin/dig", "@127.0.0.1", "-p", port, "-y", bad, "community.rpz.", "AXFR");
    assertThat(ToolRunner.records(out).stream().filter(l -> l.matches(".*\\sCNAME\\s.*")))
        .isEmpty();
    assertThat(out).containsAnyOf("NOTAUTH", "BADSIG", "failed");
  }

  private static void assertTsigError(Message a, int error, Name keyName) {
    assertThat(a.getRcode()).isEqualTo(Rcode.NOTAUTH);
    assertThat(a.getSection(Section.ANSWER)).isEmpty();
    TSIGRecord t = a.getTSIG();
    assertThat(t).isNotNull();
    assertThat(t.getName()).isEqualTo(keyName);
    assertThat(t.getError()).isEqualTo(error);
    assertThat(t.getSignature()).as("unsigned error (RFC 8945 §5.3.2)").isEmpty();
  }

  private Message tcpOne(byte[] query) throws Exception {
    return new Message(tcpOneBytes(query));
  }

  private byte[] tcpOneBytes(byte[] query) throws Exception {
    try (Socket s = RawDns.tcp(server.tcpAddress())) {
      RawDns.send(s, query);
      return RawDns.readBytes(s);
    }
  }

  /** The {@code nth} event of {@code kind}; transfer events arrive after the last write. */
  private TransferEvent awaitEvent(TransferEvent.Kind kind, int nth) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      List<TransferEvent> ofKind = events.stream().filter(e -> e.kind() == kind).toList();
      if (ofKind.size() >= nth) {
        return ofKind.get(nth - 1);
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no " + nth + " " + kind + " events in " + events);
  }

  static Record soa(Message m) {
    return m.getSection(Section.ANSWER).stream()
        .filter(r -> r instanceof SOARecord)
        .findFirst()
        .orElseThrow();
  }
}
