package org.rpzx.dns.tsig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/**
 * The committed TSIG seeds are exactly what {@link TsigFuzzSeeds} signs, and the valid ones verify:
 * a fuzz corpus that silently stopped holding valid signatures would fuzz only the BADSIG path.
 * {@code -Drpzx.fuzz.write-seeds=true} rewrites the files instead (run from the module directory).
 */
class TsigFuzzSeedsTest {

  private static final Path DIR =
      Path.of("src/test/resources/org/rpzx/dns/tsig/TsigVerificationFuzzTestInputs/signed");

  @Test
  void committedSeedsAreTheSignedRequests() throws IOException {
    Map<String, byte[]> seeds = TsigFuzzSeeds.seeds();
    if (Boolean.getBoolean("rpzx.fuzz.write-seeds")) {
      Files.createDirectories(DIR);
      for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
        Files.write(DIR.resolve(e.getKey() + ".bin"), e.getValue());
      }
    }
    for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
      assertThat(DIR.resolve(e.getKey() + ".bin")).as(e.getKey()).hasBinaryContent(e.getValue());
    }
  }

  @Test
  void validSeedsVerifyAndTheOthersFailAsNamed() throws IOException {
    TsigVerifier verifier =
        new TsigVerifier(
            TsigKeyring.of(TsigFuzzSeeds.KNOWN),
            Clock.fixed(TsigFuzzSeeds.SIGNED_AT, ZoneOffset.UTC));
    Map<String, byte[]> seeds = TsigFuzzSeeds.seeds();
    for (String valid :
        new String[] {"soa-sha256", "axfr-sha256", "ixfr-sha512", "axfr-sha1", "soa-edns-sha384"}) {
      byte[] wire = seeds.get(valid);
      assertThat(verifier.check(new Message(wire), wire))
          .as(valid)
          .isInstanceOf(TsigCheck.Verified.class);
    }
    assertThat(error(verifier, seeds.get("axfr-badtime"))).isEqualTo(Rcode.BADTIME);
    assertThat(error(verifier, seeds.get("axfr-unknown-key"))).isEqualTo(Rcode.BADKEY);
    assertThat(error(verifier, seeds.get("axfr-wrong-algorithm"))).isEqualTo(Rcode.BADKEY);
    assertThat(error(verifier, seeds.get("axfr-wrong-secret"))).isEqualTo(Rcode.BADSIG);
    byte[] unsigned = seeds.get("soa-unsigned");
    assertThat(verifier.check(new Message(unsigned), unsigned)).isEqualTo(TsigCheck.UNSIGNED);
  }

  private static int error(TsigVerifier verifier, byte[] wire) throws IOException {
    return ((TsigCheck.Failed) verifier.check(new Message(wire), wire)).error();
  }
}
