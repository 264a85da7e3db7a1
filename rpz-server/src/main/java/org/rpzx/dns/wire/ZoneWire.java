package org.rpzx.dns.wire;

import java.util.List;
import org.rpzx.core.zone.ZoneSettings;

/**
 * The zone's fixed wire material (origin, SOA and NS RDATA names, timers), computed once per
 * transfer from {@link ZoneSettings}.
 */
public final class ZoneWire {

  /** A name in RDATA: the labels in front of the origin plus a pointer, or a literal name. */
  record EncodedName(byte[] bytes, boolean pointsToOrigin) {
    int length() {
      return bytes.length + (pointsToOrigin ? 2 : 0);
    }
  }

  final byte[] origin;
  final int ttl;
  final EncodedName mname;
  final EncodedName rname;
  final List<EncodedName> nameServers;
  final int refresh;
  final int retry;
  final int expire;
  final int minimum;

  private ZoneWire(ZoneSettings s) {
    origin = WireName.absolute(s.origin());
    ttl = (int) s.ttl();
    mname = encode(s.primaryNs(), s.origin());
    rname = encode(s.hostmaster(), s.origin());
    nameServers = s.nameServers().stream().map(n -> encode(n, s.origin())).toList();
    refresh = (int) s.refresh();
    retry = (int) s.retry();
    expire = (int) s.expire();
    minimum = (int) s.minimum();
  }

  public static ZoneWire of(ZoneSettings settings) {
    return new ZoneWire(settings);
  }

  /** Origin in wire format, with the root label. */
  public byte[] originWire() {
    return origin.clone();
  }

  /** Encoded size of the SOA record when its owner is a pointer. */
  int soaRecordLength() {
    return 2 + 10 + mname.length() + rname.length() + 20;
  }

  private static EncodedName encode(String absoluteName, String origin) {
    if (absoluteName.equals(origin)) {
      return new EncodedName(new byte[0], true);
    }
    if (!origin.equals(".") && absoluteName.endsWith("." + origin)) {
      String prefix = absoluteName.substring(0, absoluteName.length() - origin.length() - 1);
      return new EncodedName(WireName.relative(prefix), true);
    }
    return new EncodedName(WireName.absolute(absoluteName), false);
  }
}
