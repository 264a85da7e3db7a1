package org.rpzx.dns.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CidrBlockTest {

  private static InetAddress ip(String s) throws UnknownHostException {
    return InetAddress.getByName(s);
  }

  @Test
  void ipv4Blocks() throws Exception {
    CidrBlock b = CidrBlock.parse("192.0.2.0/24");
    assertThat(b.contains(ip("192.0.2.200"))).isTrue();
    assertThat(b.contains(ip("192.0.3.1"))).isFalse();
    assertThat(b.contains(ip("2001:db8::1"))).isFalse();
    assertThat(CidrBlock.parse("10.1.2.3/8").toString()).isEqualTo("10.0.0.0/8");
    assertThat(CidrBlock.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
    assertThat(CidrBlock.parse("198.51.100.7").contains(ip("198.51.100.7"))).isTrue();
    assertThat(CidrBlock.parse("198.51.100.7").contains(ip("198.51.100.6"))).isFalse();
  }

  @Test
  void ipv6BlocksAndMappedAddresses() throws Exception {
    CidrBlock b = CidrBlock.parse("2001:db8::/32");
    assertThat(b.contains(ip("2001:db8:ffff::1"))).isTrue();
    assertThat(b.contains(ip("2001:db9::1"))).isFalse();
    assertThat(CidrBlock.parse("::1/128").contains(ip("::1"))).isTrue();
    InetAddress mapped =
        java.net.Inet6Address.getByAddress(
            null,
            new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1},
            null);
    assertThat(CidrBlock.parse("127.0.0.0/8").contains(mapped)).isTrue();
  }

  @Test
  void rejectsWhatIsNotACidrBlock() {
    for (String bad :
        new String[] {
          "",
          "/8",
          "10.0.0.0/33",
          "::/129",
          "10.0.0.0/",
          "10.0.0.0/-1",
          "host.example",
          "10.0.0",
          "10.0.0.0.0",
          "256.0.0.0/8",
          "10.0.0.0/8/8",
          "fe80::1%eth0"
        }) {
      assertThatThrownBy(() -> CidrBlock.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Property
  void containsIffTheFirstPrefixBitsAgree(
      @ForAll int a, @ForAll int b, @ForAll @IntRange(min = 0, max = 32) int prefix)
      throws Exception {
    InetAddress x = InetAddress.getByAddress(java.nio.ByteBuffer.allocate(4).putInt(a).array());
    InetAddress y = InetAddress.getByAddress(java.nio.ByteBuffer.allocate(4).putInt(b).array());
    CidrBlock block = CidrBlock.parse(x.getHostAddress() + "/" + prefix);
    long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    boolean same = ((a & 0xffffffffL) & mask) == ((b & 0xffffffffL) & mask);
    assertThat(block.contains(y)).isEqualTo(same);
    assertThat(block.contains(x)).isTrue();
    assertThat(CidrBlock.parse(block.toString())).isEqualTo(block);
  }
}
