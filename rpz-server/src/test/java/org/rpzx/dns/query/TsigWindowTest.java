package org.rpzx.dns.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.dns.support.DnsTestSupport.parse;
import static org.rpzx.dns.support.DnsTestSupport.query;
import static org.rpzx.dns.support.TsigTestKeys.sign;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.rpzx.dns.access.CidrMatcher;
import org.rpzx.dns.access.ConsumerDirectory;
import org.rpzx.dns.access.ConsumerInfo;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.support.TsigTestKeys;
import org.rpzx.dns.testzone.TestZone;
import org.rpzx.dns.tsig.TsigAlgorithm;
import org.rpzx.dns.tsig.TsigKey;
import org.rpzx.dns.tsig.TsigKeyring;
import org.rpzx.dns.tsig.TsigVerifier;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/**
 * The TSIG time window and replay decision (docs/reliability.md, "Security checks"): a signed
 * request is good for ±300 s of the server clock whatever fudge it names, and within that window
 * the same signed request is answered again (no replay cache); outside it, BADTIME.
 */
class TsigWindowTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();
  private static final TsigKey KEY = TsigTestKeys.key("w.example.", TsigAlgorithm.HMAC_SHA256, 11);

  /** A server clock the test moves. */
  private static final class MovableClock extends Clock {
    volatile Instant now = NOW;

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovableClock server = new MovableClock();
  private final QueryProcessor processor =
      new QueryProcessor(
          TestZone.of(5, "evil.example"),
          TransferAuthorizer.forConsumers(
              CidrMatcher.of(),
              ConsumerDirectory.of(
                  List.of(
                      new ConsumerInfo("c", "i", Optional.of(KEY.name()), List.of(), List.of())))),
          TransferLog.NONE,
          TsigKeyring.of(KEY),
          server,
          1232,
          16_384);

  private String answer(byte[] query) {
    Reply reply = processor.process(query, LOCAL, true);
    if (reply instanceof Reply.Stream) {
      return "NOERROR"; // the transfer is served
    }
    Message a = parse(((Reply.Message) reply).wire());
    String s = Rcode.string(a.getRcode());
    return a.getRcode() == Rcode.NOTAUTH ? s + "/" + Rcode.TSIGstring(a.getTSIG().getError()) : s;
  }

  private static byte[] signedAt(Instant t, int type) {
    return sign(query("community.rpz.", type), KEY.toTsig(Clock.fixed(t, ZoneId.of("UTC"))));
  }

  @Test
  void theSameSignedRequestIsAnsweredAgainWithinTheWindowAndRefusedAfterIt() {
    byte[] axfr = signedAt(NOW, Type.AXFR);
    assertThat(answer(axfr)).isEqualTo("NOERROR");
    server.now = NOW.plusSeconds(10);
    assertThat(answer(axfr)).as("replayed 10 s later: no replay cache").isEqualTo("NOERROR");
    server.now = NOW.plusSeconds(300);
    assertThat(answer(axfr)).as("at the edge of the window").isEqualTo("NOERROR");
    server.now = NOW.plusSeconds(301);
    assertThat(answer(axfr)).isEqualTo("NOTAUTH/BADTIME");
  }

  @Test
  void aLargerFudgeInTheRequestDoesNotWidenTheServersWindow() throws Exception {
    // signed 20 minutes ago with a fudge of 10 hours: dnsjava alone would accept it
    byte[] old = signedWithFudge(NOW.minus(Duration.ofMinutes(20)), Duration.ofHours(10));
    assertThat(parse(old).getTSIG().getFudge()).isEqualTo(Duration.ofHours(10));
    assertThat(answer(old)).isEqualTo("NOTAUTH/BADTIME");
    byte[] edge = signedWithFudge(NOW.minus(TsigVerifier.MAX_FUDGE), Duration.ofHours(10));
    assertThat(answer(edge)).as("the MAC is right: only the time is refused").isEqualTo("NOERROR");
  }

  /** An SOA query signed by hand (RFC 8945 §4.3), as a client with its own fudge would. */
  private static byte[] signedWithFudge(Instant t, Duration fudge) throws Exception {
    Message m = query("community.rpz.", Type.SOA);
    Name alg = Name.fromConstantString("hmac-sha256.");
    DNSOutput vars = new DNSOutput();
    vars.writeByteArray(KEY.name().toWireCanonical());
    vars.writeU16(DClass.ANY);
    vars.writeU32(0);
    vars.writeByteArray(alg.toWireCanonical());
    long secs = t.getEpochSecond();
    vars.writeU16((int) (secs >>> 32));
    vars.writeU32(secs & 0xffffffffL);
    vars.writeU16((int) fudge.getSeconds());
    vars.writeU16(0);
    vars.writeU16(0);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.secret(), "HmacSHA256"));
    mac.update(m.toWire());
    byte[] digest = mac.doFinal(vars.toByteArray());
    m.addRecord(
        new TSIGRecord(
            KEY.name(), DClass.ANY, 0, alg, t, fudge, digest, m.getHeader().getID(), 0, null),
        Section.ADDITIONAL);
    return m.toWire();
  }
}
