package org.rpzx.core.zone;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Static parameters of the served zone: origin, SOA fields and apex NS. Names are absolute,
 * lower-case, with trailing dot. Defaults suit a NOTIFY-driven zone: short refresh and retry, an
 * expire of two weeks so secondaries keep enforcing through a long outage of the primary.
 */
public record ZoneSettings(
    String origin,
    long ttl,
    String primaryNs,
    String hostmaster,
    long refresh,
    long retry,
    long expire,
    long minimum,
    List<String> nameServers) {

  public static final String DEFAULT_ORIGIN = "community.rpz.";

  public ZoneSettings {
    origin = absolute(origin);
    primaryNs = absolute(primaryNs);
    hostmaster = absolute(hostmaster);
    nameServers = nameServers.stream().map(ZoneSettings::absolute).toList();
    if (nameServers.isEmpty()) {
      throw new IllegalArgumentException("zone needs at least one NS");
    }
    for (long v : new long[] {ttl, refresh, retry, expire, minimum}) {
      if (v < 0 || v > 0x7fffffffL) {
        throw new IllegalArgumentException("SOA timer out of range: " + v);
      }
    }
  }

  /** Defaults for {@code origin}: TTL 60, refresh 300, retry 60, expire 14 days, minimum 60. */
  public static ZoneSettings defaults(String origin) {
    String o = absolute(origin);
    return new ZoneSettings(
        o, 60, "localhost.", "hostmaster." + o, 300, 60, 1_209_600, 60, List.of("localhost."));
  }

  public static ZoneSettings defaults() {
    return defaults(DEFAULT_ORIGIN);
  }

  /** Origin without its trailing dot, e.g. {@code community.rpz}. */
  public String originRelative() {
    return origin.substring(0, origin.length() - 1);
  }

  /** Length of the origin in DNS wire format, including the root label. */
  public int originWireLength() {
    return origin.equals(".") ? 1 : origin.length() + 1;
  }

  private static String absolute(String name) {
    Objects.requireNonNull(name);
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.isEmpty()) {
      throw new IllegalArgumentException("empty domain name");
    }
    return n.endsWith(".") ? n : n + ".";
  }
}
