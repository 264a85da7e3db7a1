package org.rpzx.core.consumer;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses the address forms a consumer is configured with: CIDR blocks and {@code HOST:PORT} NOTIFY
 * targets. Only IP literals are accepted; nothing here ever resolves a name (Guava's {@link
 * InetAddresses} parses text only).
 */
public final class AddressLiterals {

  private AddressLiterals() {}

  /**
   * {@code 192.0.2.0/24}, {@code 2001:db8::/32} or a bare address (a host route) in canonical form:
   * host bits cleared, IPv6 compressed, e.g. {@code 192.0.2.7/24} gives {@code 192.0.2.0/24}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static String canonicalCidr(String text) {
    String t = text == null ? "" : text.strip();
    int slash = t.indexOf('/');
    String addressText = slash < 0 ? t : t.substring(0, slash);
    InetAddress address = literal(addressText, "subnet " + text);
    int max = address instanceof Inet4Address ? 32 : 128;
    int prefix = max;
    if (slash >= 0) {
      String p = t.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("bad prefix length in subnet " + text);
      }
      prefix = Integer.parseInt(p);
      if (prefix > max) {
        throw new IllegalArgumentException("prefix length above " + max + " in subnet " + text);
      }
    }
    byte[] bytes = address.getAddress();
    for (int i = 0; i < bytes.length; i++) {
      int bits = Math.max(0, Math.min(8, prefix - i * 8));
      bytes[i] &= (byte) (0xff << (8 - bits));
    }
    try {
      // getByAddress never looks anything up
      return InetAddresses.toAddrString(InetAddress.getByAddress(bytes)) + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code 192.0.2.53:53} or {@code [2001:db8::53]:53}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static NotifyTarget notifyTarget(String text) {
    String t = text == null ? "" : text.strip();
    int colon = t.lastIndexOf(':');
    if (colon <= 0 || colon == t.length() - 1) {
      throw new IllegalArgumentException("NOTIFY target must be IP:PORT or [IPv6]:PORT: " + text);
    }
    String host = t.substring(0, colon);
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    if (bracketed) {
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      throw new IllegalArgumentException("write an IPv6 NOTIFY target as [address]:port: " + text);
    }
    InetAddress address = literal(host, "NOTIFY target " + text);
    if (bracketed != (address.getAddress().length == 16)) {
      throw new IllegalArgumentException("brackets are for IPv6 addresses only: " + text);
    }
    String p = t.substring(colon + 1);
    if (p.length() > 5 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("bad port in NOTIFY target " + text);
    }
    int port = Integer.parseInt(p);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range in NOTIFY target " + text);
    }
    return new NotifyTarget(InetAddresses.toAddrString(address), port);
  }

  private static InetAddress literal(String text, String what) {
    if (text.isEmpty() || text.indexOf('%') >= 0 || !InetAddresses.isInetAddress(text)) {
      throw new IllegalArgumentException(what + ": not an IP address (names are not looked up)");
    }
    // ::ffff:a.b.c.d comes back as IPv4: such a rule is an IPv4 rule (as in the DNS server)
    return InetAddresses.forString(text);
  }
}
