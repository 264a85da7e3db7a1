package org.rpzx.core.auth;

import java.net.InetAddress;
import java.util.List;
import org.rpzx.core.consumer.AddressLiterals;

/** Whether an address lies in one of a list of canonical CIDR blocks. */
final class Subnets {

  private Subnets() {}

  static boolean contains(List<String> cidrs, InetAddress address) {
    if (cidrs.isEmpty()) {
      return true;
    }
    if (address == null) {
      return false;
    }
    String host = address.getHostAddress();
    int bits = address.getAddress().length * 8;
    for (String cidr : cidrs) {
      int prefix = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
      String network = cidr.substring(0, cidr.indexOf('/'));
      // canonicalCidr clears the host bits: equal networks mean the address is inside
      try {
        String own = AddressLiterals.canonicalCidr(host + "/" + Math.min(prefix, bits));
        if (own.equals(network + "/" + prefix)) {
          return true;
        }
      } catch (IllegalArgumentException e) {
        // other family: not inside
      }
    }
    return false;
  }
}
