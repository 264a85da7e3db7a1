package org.rpzx.dns.tsig;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.rpzx.dns.support.TsigTestKeys;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** The verifier on its own: outcomes that do not depend on the processor's shape checks. */
class TsigVerifierTest {

  private static final Clock SERVER =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
  private static final TsigKey KEY = TsigTestKeys.key("k.example.", TsigAlgorithm.HMAC_SHA256, 11);
  private static final TsigVerifier VERIFIER = new TsigVerifier(TsigKeyring.of(KEY), SERVER);

  private static byte[] signedQuery(boolean tc) {
    Message m =
        Message.newQuery(Record.newRecord(Name.fromConstantString("community.rpz."), Type.SOA, 1));
    if (tc) {
      m.getHeader().setFlag(Flags.TC);
    }
    return TsigTestKeys.sign(m, KEY.toTsig(SERVER));
  }

  @Test
  void aCorrectlySignedQueryVerifies() throws Exception {
    byte[] wire = signedQuery(true);
    assertThat(VERIFIER.check(new Message(wire), wire)).isInstanceOf(TsigCheck.Verified.class);
  }

  /**
   * The fuzzer's finding: dnsjava verifies against the ARCOUNT it reset after a TC-tolerated short
   * parse, not the one received, so the MAC did not cover the header as it arrived.
   */
  @Test
  void aTsigTheHeaderDoesNotCountAsLastFailsWithBadsig() throws Exception {
    byte[] wire = signedQuery(true);
    wire[11] = 3;
    Message parsed = new Message(wire);
    assertThat(parsed.getTSIG()).as("dnsjava keeps the TSIG it read").isNotNull();
    TsigCheck check = VERIFIER.check(parsed, wire);
    assertThat(check).isInstanceOf(TsigCheck.Failed.class);
    assertThat(((TsigCheck.Failed) check).error()).isEqualTo(Rcode.BADSIG);
  }

  @Test
  void anUnsignedQueryIsUnsigned() throws Exception {
    Message m =
        Message.newQuery(Record.newRecord(Name.fromConstantString("community.rpz."), Type.SOA, 1));
    byte[] wire = m.toWire();
    assertThat(VERIFIER.check(new Message(wire), wire)).isSameAs(TsigCheck.UNSIGNED);
  }
}
