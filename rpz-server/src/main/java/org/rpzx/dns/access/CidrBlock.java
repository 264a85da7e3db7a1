package org.rpzx.dns.access;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

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
   * Parses {@code address[/prefix]}. Only numeric addresses are accepted (never a DNS lookup).
   *
   * @throws IllegalArgumentException with a reason when the text is not a CIDR block
   */
  public static CidrBlock parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    String addressText = slash < 0 ? t : t.substring(0, slash);
    byte[] address = parseNumericAddress(addressText);
    int max = address.length * 8;
    int prefix = max;
    if (slash >= 0) {
      String p = t.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("bad prefix length in CIDR block: " + text);
      }
      prefix = Integer.parseInt(p);
      if (prefix > max) {
        throw new IllegalArgumentException("prefix length above " + max + ": " + text);
      }
    }
    return new CidrBlock(mask(address, prefix), prefix);
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

  private static byte[] parseNumericAddress(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty address in CIDR block");
    }
    boolean v6 = s.indexOf(':') >= 0;
    String allowed = v6 ? "0123456789abcdefABCDEF:." : "0123456789.";
    for (int i = 0; i < s.length(); i++) {
      if (allowed.indexOf(s.charAt(i)) < 0) {
        throw new IllegalArgumentException("not a numeric IP address: " + s);
      }
    }
    if (!v6 && !isDottedQuad(s)) {
      throw new IllegalArgumentException("not a dotted-quad IPv4 address: " + s);
    }
    try {
      // numeric only (checked above), so this never resolves a name
      // (the JDK returns ::ffff:a.b.c.d as an IPv4 address: such a rule is an IPv4 rule)
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + s, e);
    }
  }

  private static boolean isDottedQuad(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
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
