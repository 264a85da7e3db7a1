package org.rpzx.dns.tsig;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rpzx.dns.access.CidrMatcher;
import org.rpzx.dns.access.ConsumerDirectory;
import org.rpzx.dns.access.ConsumerInfo;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.query.QueryProcessor;
import org.rpzx.dns.query.Reply;
import org.rpzx.dns.query.TransferLog;
import org.rpzx.dns.testzone.TestZone;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/**
 * Fuzzes TSIG verification (RFC 8945 §5.2) with signed requests whose bytes, MAC, time, key name or
 * algorithm were mutated. The server clock is fixed at the seeds' signing time. Invariants:
 *
 * <ul>
 *   <li>{@link TsigVerifier} returns a verdict, never throws, and the verdict agrees with an
 *       independent HMAC computed here with {@link Mac}: a full, correct MAC of a known key within
 *       the fudge is {@code Verified}; a correct MAC outside the fudge is {@code BADTIME}; a wrong
 *       one, or one shorter than RFC 8945 §5.2.2.1 allows, is never accepted; an unknown key or
 *       algorithm is {@code BADKEY};
 *   <li>{@link QueryProcessor} never throws (UDP and TCP); for a failed check it answers NOTAUTH
 *       with the TSIG error (FORMERR for a message of the wrong shape, e.g. TSIG not last); for a
 *       verified one every message it sends (a whole AXFR stream too) verifies with the key on the
 *       client side (dnsjava's {@code StreamVerifier}).
 * </ul>
 *
 * <p>Seeds in {@code TsigVerificationFuzzTestInputs/signed/} are SOA, AXFR, IXFR and NOTIFY
 * requests signed with dnsjava's {@code TSIG.apply}, written by {@link TsigFuzzSeeds}. To fuzz:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl rpz-server -am test -Dtest=TsigVerificationFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class TsigVerificationFuzzTest {

  static {
    // one INFO line per rejected request would slow the fuzzer down and flood the log
    System.setProperty("org.slf4j.simpleLogger.log.org.rpzx.dns.query", "warn");
  }

  private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();
  private static final Clock SERVER = Clock.fixed(TsigFuzzSeeds.SIGNED_AT, ZoneOffset.UTC);
  private static final Map<Name, TsigKey> KEYS =
      TsigFuzzSeeds.KNOWN.stream().collect(Collectors.toMap(TsigKey::name, Function.identity()));
  private static final TsigVerifier VERIFIER =
      new TsigVerifier(TsigKeyring.of(TsigFuzzSeeds.KNOWN), SERVER);
  private static final int MAX_STREAM_MESSAGES = 1000;

  private static final QueryProcessor PROCESSOR =
      new QueryProcessor(
          TestZone.of(7, TsigFuzzSeeds.ZONE_NAMES),
          TransferAuthorizer.forConsumers(
              CidrMatcher.of(),
              ConsumerDirectory.of(
                  TsigFuzzSeeds.KNOWN.stream()
                      .map(
                          k ->
                              new ConsumerInfo(
                                  "c-" + k.name(),
                                  "i",
                                  Optional.of(k.name()),
                                  List.of(),
                                  List.of()))
                      .toList())),
          TransferLog.NONE,
          TsigKeyring.of(TsigFuzzSeeds.KNOWN),
          SERVER,
          1232,
          512); // small transfer messages: a short zone still takes several, each signed

  @FuzzTest(maxDuration = "60s")
  void signed(byte[] wire) throws IOException {
    Message request = parseRequest(wire);
    if (request != null) {
      TsigCheck check = VERIFIER.check(request, wire.clone());
      assertAgreesWithIndependentHmac(request, wire, check);
      checkProcessor(wire, request, check, false);
      checkProcessor(wire, request, check, true);
    } else {
      PROCESSOR.process(wire.clone(), LOCAL, false);
      PROCESSOR.process(wire.clone(), LOCAL, true);
    }
  }

  /** The request as the processor would parse it, or null where it stops before TSIG. */
  private static Message parseRequest(byte[] wire) {
    if (wire.length < 12 || (wire[2] & 0x80) != 0) {
      return null;
    }
    try {
      return new Message(wire);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static void assertAgreesWithIndependentHmac(
      Message request, byte[] wire, TsigCheck check) {
    TSIGRecord tsig = request.getTSIG();
    if (tsig == null) {
      assertThat(check).isInstanceOf(TsigCheck.Unsigned.class);
      return;
    }
    assertThat(check).isNotInstanceOf(TsigCheck.Unsigned.class);
    TsigKey key = KEYS.get(tsig.getName());
    if (key == null || !key.algorithm().dnsName().equals(tsig.getAlgorithm())) {
      assertThat(check).isInstanceOf(TsigCheck.Failed.class);
      assertThat(((TsigCheck.Failed) check).error()).isEqualTo(Rcode.BADKEY);
      return;
    }
    int tsigStart = TsigFuzzSeeds.tsigOffset(wire);
    if (tsigStart < 0) {
      // TC set and the header counts records after the TSIG: dnsjava parsed up to it; RFC 8945
      // §5.1 makes this FORMERR (the processor's answer where it sees the shape); never verified
      assertThat(check).as("TSIG not last").isInstanceOf(TsigCheck.Failed.class);
      return;
    }
    byte[] expected = hmac(key, wire, tsigStart, tsig);
    byte[] mac = tsig.getSignature();
    boolean full = Arrays.equals(mac, expected);
    int minimum = Math.max(10, expected.length / 2); // RFC 8945 §5.2.2.1
    boolean truncated =
        mac.length >= minimum
            && mac.length < expected.length
            && Arrays.equals(mac, Arrays.copyOf(expected, mac.length));
    long skew = Math.abs(SERVER.instant().getEpochSecond() - tsig.getTimeSigned().getEpochSecond());
    // the request's fudge, but never wider than the server's cap (a signer's fudge of 11 328 s
    // still gets BADTIME at 400 s of skew)
    boolean inTime =
        skew <= Math.min(tsig.getFudge().getSeconds(), TsigVerifier.MAX_FUDGE.getSeconds());
    if (full) {
      if (inTime) {
        assertThat(check).as("a correct MAC in time").isInstanceOf(TsigCheck.Verified.class);
      } else {
        assertThat(check).isInstanceOf(TsigCheck.Failed.class);
        assertThat(((TsigCheck.Failed) check).error()).isEqualTo(Rcode.BADTIME);
      }
    } else if (!truncated) {
      assertThat(check).as("a wrong MAC").isInstanceOf(TsigCheck.Failed.class);
      assertThat(((TsigCheck.Failed) check).error()).isEqualTo(Rcode.BADSIG);
    } else {
      assertThat(check).isInstanceOfAny(TsigCheck.Verified.class, TsigCheck.Failed.class);
    }
    if (check instanceof TsigCheck.Verified v) {
      assertThat(v.keyName()).isEqualTo(key.name());
      assertThat(inTime).isTrue();
    }
  }

  /**
   * RFC 8945 §4.3.3, for a request: the message up to the TSIG record with the original ID and
   * ARCOUNT one less, then the TSIG variables in canonical form.
   */
  private static byte[] hmac(TsigKey key, byte[] wire, int tsigStart, TSIGRecord tsig) {
    byte[] message = Arrays.copyOf(wire, tsigStart);
    message[0] = (byte) (tsig.getOriginalID() >>> 8);
    message[1] = (byte) tsig.getOriginalID();
    int arcount = ((message[10] & 0xff) << 8 | (message[11] & 0xff)) - 1;
    message[10] = (byte) (arcount >>> 8);
    message[11] = (byte) arcount;
    byte[] name = tsig.getName().toWireCanonical();
    byte[] algorithm = tsig.getAlgorithm().toWireCanonical();
    byte[] other = tsig.getOther() == null ? new byte[0] : tsig.getOther();
    ByteBuffer vars = ByteBuffer.allocate(name.length + algorithm.length + other.length + 18);
    vars.put(name).putShort((short) tsig.getDClass()).putInt((int) tsig.getTTL());
    vars.put(algorithm);
    long time = tsig.getTimeSigned().getEpochSecond();
    vars.putShort((short) (time >>> 32)).putInt((int) time);
    vars.putShort((short) tsig.getFudge().getSeconds()).putShort((short) tsig.getError());
    vars.putShort((short) other.length).put(other);
    try {
      String jca = "Hmac" + key.algorithm().name().substring("HMAC_".length());
      Mac mac = Mac.getInstance(jca);
      mac.init(new SecretKeySpec(key.secret(), jca));
      mac.update(message);
      return mac.doFinal(vars.array());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void checkProcessor(byte[] wire, Message request, TsigCheck check, boolean tcp)
      throws IOException {
    Reply reply = PROCESSOR.process(wire.clone(), LOCAL, tcp);
    TSIGRecord requestTsig = request.getTSIG();
    if (reply instanceof Reply.Message m) {
      Message answer = new Message(m.wire());
      assertThat(answer.getHeader().getID()).isEqualTo(request.getHeader().getID());
      if (check instanceof TsigCheck.Failed f) {
        // a message of the wrong shape (TSIG not last, two OPTs, …) is FORMERR before any TSIG
        // check (RFC 8945 §5.1, RFC 6891 §6.1.1); otherwise NOTAUTH with the TSIG error
        assertThat(answer.getRcode()).isIn(Rcode.NOTAUTH, Rcode.FORMERR);
        if (answer.getRcode() == Rcode.NOTAUTH) {
          assertThat(answer.getTSIG()).as("TSIG record with the error").isNotNull();
          assertThat(answer.getTSIG().getError()).isEqualTo(f.error());
        }
      } else if (check instanceof TsigCheck.Verified v && answer.getRcode() == Rcode.FORMERR) {
        // a valid TSIG inside a malformed message (bytes after it, which the MAC does not cover;
        // a second OPT): the message is refused as FORMERR before anything is signed
        assertThat(answer.getTSIG()).as("FORMERR to a malformed message is not signed").isNull();
      } else if (check instanceof TsigCheck.Verified v) {
        TSIG client = KEYS.get(v.keyName()).toTsig(SERVER);
        assertThat(client.verify(answer, m.wire(), requestTsig))
            .as("answer signed with the request's key")
            .isEqualTo(Rcode.NOERROR);
      } else {
        assertThat(answer.getTSIG()).as("no TSIG on an answer to an unsigned query").isNull();
      }
    } else if (reply instanceof Reply.Stream s) {
      assertThat(tcp).isTrue();
      assertThat(check)
          .as("only a verified key may transfer")
          .isInstanceOf(TsigCheck.Verified.class);
      TsigCheck.Verified v = (TsigCheck.Verified) check;
      TSIG.StreamVerifier verifier =
          new TSIG.StreamVerifier(KEYS.get(v.keyName()).toTsig(SERVER), requestTsig);
      int messages = 0;
      while (s.stream().hasNext()) {
        assertThat(++messages).isLessThanOrEqualTo(MAX_STREAM_MESSAGES);
        ByteBuf framed = s.stream().next(UnpooledByteBufAllocator.DEFAULT);
        try {
          byte[] one = new byte[framed.readableBytes() - 2];
          framed.getBytes(2, one);
          assertThat(verifier.verify(new Message(one), one))
              .as("transfer message %d signed in sequence", messages)
              .isEqualTo(Rcode.NOERROR);
        } finally {
          framed.release();
        }
      }
      assertThat(messages).isPositive();
    } else {
      assertThat(reply).isInstanceOf(Reply.Drop.class);
    }
  }
}
