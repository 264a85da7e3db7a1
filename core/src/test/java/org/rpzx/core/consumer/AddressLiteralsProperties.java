package org.rpzx.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AddressLiteralsProperties {

  @Property
  void canonicalCidrIsIdempotentAndClearsHostBits(
      @ForAll @Size(16) byte[] raw, @ForAll boolean v4, @ForAll @IntRange(max = 128) int len)
      throws UnknownHostException {
    InetAddress address = InetAddress.getByAddress(v4 ? java.util.Arrays.copyOf(raw, 4) : raw);
    byte[] bytes = address.getAddress(); // ::ffff:a.b.c.d comes back as IPv4
    int prefix = Math.min(len, bytes.length * 8);
    String text = address.getHostAddress() + "/" + prefix;
    String canonical = AddressLiterals.canonicalCidr(text);
    assertThat(AddressLiterals.canonicalCidr(canonical)).isEqualTo(canonical);
    byte[] network =
        InetAddress.getByName(canonical.substring(0, canonical.indexOf('/'))).getAddress();
    for (int bit = prefix; bit < bytes.length * 8; bit++) {
      assertThat(network[bit / 8] & (0x80 >> (bit % 8))).isZero();
    }
    for (int bit = 0; bit < prefix; bit++) {
      assertThat(network[bit / 8] & (0x80 >> (bit % 8)))
          .isEqualTo(bytes[bit / 8] & (0x80 >> (bit % 8)));
    }
  }

  @Property
  void anyTextEitherParsesOrIsRefusedWithAReason(@ForAll String text) {
    try {
      AddressLiterals.canonicalCidr(text);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    try {
      AddressLiterals.notifyTarget(text);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Test
  void examples() {
    assertThat(AddressLiterals.canonicalCidr("192.0.2.77")).isEqualTo("192.0.2.77/32");
    assertThat(AddressLiterals.canonicalCidr(" 10.1.2.3/8 ")).isEqualTo("10.0.0.0/8");
    assertThat(AddressLiterals.canonicalCidr("2001:DB8:0:0::7/48")).isEqualTo("2001:db8::/48");
    assertThat(AddressLiterals.canonicalCidr("::1")).isEqualTo("::1/128");
    assertThat(AddressLiterals.notifyTarget("127.0.0.1:5300"))
        .isEqualTo(new NotifyTarget("127.0.0.1", 5300));
    assertThat(AddressLiterals.notifyTarget("[::1]:53")).isEqualTo(new NotifyTarget("::1", 53));
    assertThatThrownBy(() -> AddressLiterals.canonicalCidr("localhost"))
        .hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> AddressLiterals.notifyTarget("[127.0.0.1]:53"))
        .hasMessageContaining("IPv6");
    assertThatThrownBy(() -> AddressLiterals.notifyTarget("127.0.0.1:65536"))
        .hasMessageContaining("port");
  }
}
