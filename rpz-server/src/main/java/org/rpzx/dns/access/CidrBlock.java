package org.rpzx.dns.access;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.rpzx.core.consumer.AddressLiterals;

/**
 * An IPv4 or IPv6 subnet in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}); a bare
 * address is a host route. IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}) are compared as
 * the IPv4 addresses they carry, so a dual-stack listener applies IPv4 rules to IPv4 clients.
 */
public final class CidrBlock {

  private final byte[] network;
  private final int prefixLength;

  private CidrBlock(byte[] network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /**
   * Parses {@code address[/prefix]} with core's {@link AddressLiterals#canonicalCidr} (the same
   * rules as the consumer registry). Only numeric addresses are accepted (never a DNS lookup).
   *
   * @throws IllegalArgumentException with a reason when the text is not a CIDR block
   */
  public static CidrBlock parse(String text) {
    String canonical = AddressLiterals.canonicalCidr(text);
    int slash = canonical.indexOf('/');
    try {
      // a literal checked by canonicalCidr: getByName parses it and never resolves a name
      byte[] network = InetAddress.getByName(canonical.substring(0, slash)).getAddress();
      return new CidrBlock(network, Integer.parseInt(canonical.substring(slash + 1)));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + text, e);
    }
  }

  /** The block holding exactly {@code address}. */
  public static CidrBlock host(InetAddress address) {
    byte[] a = normalize(address);
    return new CidrBlock(a, a.length * 8);
  }

  /** Whether {@code address} lies in this block; IPv4 and IPv6 blocks never match each other. */
  public boolean contains(InetAddress address) {
    byte[] a = normalize(address);
    if (a.length != network.length) {
      return false;
    }
    return Arrays.equals(mask(a, prefixLength), network);
  }

  public int prefixLength() {
    return prefixLength;
  }

  public boolean isIpv4() {
    return network.length == 4;
  }

  private static byte[] normalize(InetAddress address) {
    byte[] a = address.getAddress();
    if (address instanceof Inet6Address && isV4Mapped(a)) {
      return Arrays.copyOfRange(a, 12, 16);
    }
    return a;
  }

  private static boolean isV4Mapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int bits = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] &= (byte) (0xff << (8 - bits));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CidrBlock c
        && c.prefixLength == prefixLength
        && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    try {
      String a = InetAddress.getByAddress(network).getHostAddress().toLowerCase(Locale.ROOT);
      return a + "/" + prefixLength;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
