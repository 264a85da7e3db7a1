package org.rpzx.dns.access;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * A consumer of the zone (a recursive resolver of an institution) as the DNS side needs it.
 *
 * @param name the consumer's name, unique (used in the transfer log)
 * @param institution the institution it belongs to
 * @param tsigKey name of its TSIG key; empty for a consumer known by subnet only
 * @param subnets sources it transfers from; empty means any source (only allowed with a key)
 * @param notifyTargets where NOTIFY is sent on every new serial (usually port 53)
 */
public record ConsumerInfo(
    String name,
    String institution,
    Optional<Name> tsigKey,
    List<CidrBlock> subnets,
    List<InetSocketAddress> notifyTargets) {

  public ConsumerInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(institution, "institution");
    Objects.requireNonNull(tsigKey, "tsigKey");
    subnets = List.copyOf(subnets);
    notifyTargets = List.copyOf(notifyTargets);
    if (tsigKey.isEmpty() && subnets.isEmpty()) {
      throw new IllegalArgumentException("consumer " + name + " needs a TSIG key or a subnet");
    }
    for (InetSocketAddress t : notifyTargets) {
      if (t.isUnresolved()) {
        throw new IllegalArgumentException("NOTIFY target must be an address: " + t);
      }
    }
  }

  /** Whether {@code source} may transfer as this consumer by address (no subnets: any). */
  public boolean acceptsSource(InetAddress source) {
    if (subnets.isEmpty()) {
      return true;
    }
    for (CidrBlock b : subnets) {
      if (b.contains(source)) {
        return true;
      }
    }
    return false;
  }
}
