package org.rpzx.dns.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class ConsumerTransferAuthorizerTest {

  private static final Name KEY_A = Name.fromConstantString("key-a.example.");
  private static final Name KEY_B = Name.fromConstantString("Key-B.Example.");

  private final ConsumerTransferAuthorizer rules =
      new ConsumerTransferAuthorizer(
          CidrMatcher.of("10.0.0.0/8"),
          ConsumerDirectory.of(
              List.of(
                  consumer("anywhere-with-key", KEY_A),
                  consumer("keyed-in-subnet", KEY_B, "192.0.2.0/24"),
                  consumer("keyless", null, "198.51.100.0/24", "2001:db8::/32"))));

  private static ConsumerInfo consumer(String name, Name key, String... subnets) {
    return new ConsumerInfo(
        name,
        "inst-" + name,
        Optional.ofNullable(key),
        List.of(subnets).stream().map(CidrBlock::parse).toList(),
        List.of());
  }

  private static TransferRequest req(String ip, Name key) throws Exception {
    return new TransferRequest(
        InetAddress.getByName(ip), Type.AXFR, true, Optional.ofNullable(key));
  }

  private static String allowed(TransferDecision d) {
    assertThat(d).isInstanceOf(TransferDecision.Allowed.class);
    return ((TransferDecision.Allowed) d).consumer();
  }

  @Test
  void signedNeedsAConsumerOwningTheKeyAndContainingTheSource() throws Exception {
    assertThat(allowed(rules.authorize(req("203.0.113.9", KEY_A)))).isEqualTo("anywhere-with-key");
    // key names compare case-insensitively
    assertThat(
            allowed(rules.authorize(req("192.0.2.77", Name.fromConstantString("key-b.example.")))))
        .isEqualTo("keyed-in-subnet");
    assertThat(rules.authorize(req("203.0.113.9", KEY_B)))
        .isInstanceOf(TransferDecision.Refused.class);
    // the global allow-transfer list does not rescue a key without consumer
    assertThat(rules.authorize(req("10.1.2.3", Name.fromConstantString("nobody.example."))))
        .isInstanceOf(TransferDecision.Refused.class);
  }

  @Test
  void unsignedFromKeylessConsumerSubnetOrAllowTransferOnly() throws Exception {
    assertThat(allowed(rules.authorize(req("198.51.100.4", null)))).isEqualTo("keyless");
    assertThat(allowed(rules.authorize(req("2001:db8::53", null)))).isEqualTo("keyless");
    assertThat(allowed(rules.authorize(req("10.9.9.9", null)))).isNull();
    // a keyed consumer's subnet does not allow unsigned transfers
    assertThat(rules.authorize(req("192.0.2.77", null)))
        .isInstanceOf(TransferDecision.Refused.class);
    assertThat(rules.authorize(req("203.0.113.9", null)))
        .isInstanceOf(TransferDecision.Refused.class);
  }

  @Test
  void soaChecksAreRecognisedByKeyOrAnyConsumerSubnet() throws Exception {
    assertThat(rules.recognise(req("203.0.113.9", KEY_A))).isEqualTo("anywhere-with-key");
    assertThat(rules.recognise(req("192.0.2.77", null))).isEqualTo("keyed-in-subnet");
    assertThat(rules.recognise(req("198.51.100.1", null))).isEqualTo("keyless");
    assertThat(rules.recognise(req("10.1.1.1", null))).isNull();
  }

  @Test
  void bySubnetRefusesSignedRequests() throws Exception {
    TransferAuthorizer bySubnet = TransferAuthorizer.bySubnet(CidrMatcher.of("127.0.0.0/8"));
    assertThat(allowed(bySubnet.authorize(req("127.0.0.1", null)))).isNull();
    assertThat(bySubnet.authorize(req("127.0.0.1", KEY_A)))
        .isInstanceOf(TransferDecision.Refused.class);
  }

  @Test
  void aConsumerNeedsAKeyOrASubnet() {
    assertThatThrownBy(() -> consumer("nothing", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TSIG key or a subnet");
  }
}
