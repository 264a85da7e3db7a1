package org.rpzx.dns.tsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class TsigKeyTest {

  @Test
  void parsesBindStyleParts() {
    TsigKey k = TsigKey.of("xfr.Example", "HMAC-SHA256.", "c2VjcmV0LXNlY3JldA==");
    assertThat(k.name()).isEqualTo(Name.fromConstantString("xfr.example."));
    assertThat(k.algorithm()).isEqualTo(TsigAlgorithm.HMAC_SHA256);
    assertThat(new String(k.secret(), java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("secret-secret");
    assertThat(k.toString()).doesNotContain("c2Vj").contains("hmac-sha256");
  }

  @Test
  void rejectsWhatCannotBeAKey() {
    assertThatThrownBy(() -> TsigKey.of("k", "hmac-md5", "AAAA"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported TSIG algorithm");
    assertThatThrownBy(() -> TsigKey.of("k", "hmac-sha1", "not base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base64");
    assertThatThrownBy(() -> TsigKey.of("k", "hmac-sha1", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void secretIsCopied() {
    byte[] secret = {1, 2, 3};
    TsigKey k = new TsigKey(Name.root, TsigAlgorithm.HMAC_SHA1, secret);
    secret[0] = 9;
    k.secret()[1] = 9;
    assertThat(k.secret()).containsExactly(1, 2, 3);
    assertThat(k).isEqualTo(new TsigKey(Name.root, TsigAlgorithm.HMAC_SHA1, new byte[] {1, 2, 3}));
  }

  @Test
  void keyringFindsCaseInsensitively() {
    TsigKey k = TsigKey.of("xfr.example", "hmac-sha512", "AAAA");
    TsigKeyring ring = TsigKeyring.of(k);
    assertThat(ring.find(Name.fromConstantString("XFR.example."))).contains(k);
    assertThat(ring.find(Name.fromConstantString("other.example."))).isEmpty();
    assertThatThrownBy(() -> TsigKeyring.of(k, k)).hasMessageContaining("duplicate");
  }
}
