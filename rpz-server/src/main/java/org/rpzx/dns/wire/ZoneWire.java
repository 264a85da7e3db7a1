package org.rpzx.dns.wire;

import java.util.List;
import org.rpzx.core.zone.ZoneSettings;

/**
 * The zone's fixed wire material (origin, SOA and NS RDATA names, timers), computed once per
 * transfer from {@link ZoneSettings}.
 */
public final class ZoneWire {

  /**
   * A name in RDATA, split for compression: {@code labels[i]} is label i with its length octet and
   * {@code suffixes[i]} the absolute text of the name from label i on (the compression key); {@code
   * suffixes[labels.length]} is the root.
   */
  record RdataName(byte[][] labels, String[] suffixes) {

    static RdataName of(String absoluteName) {
      String n = absoluteName.equals(".") ? "" : absoluteName;
      String[] parts = n.isEmpty() ? new String[0] : n.substring(0, n.length() - 1).split("\\.");
      byte[][] labels = new byte[parts.length][];
      String[] suffixes = new String[parts.length + 1];
      for (int i = 0; i < parts.length; i++) {
        labels[i] = WireName.relative(parts[i]);
        suffixes[i] = String.join(".", List.of(parts).subList(i, parts.length)) + ".";
      }
      suffixes[parts.length] = ".";
      return new RdataName(labels, suffixes);
    }

    /** Length written without compression. */
    int literalLength() {
      int n = 1;
      for (byte[] l : labels) {
        n += l.length;
      }
      return n;
    }
  }

  final byte[] origin;
  final String[] originSuffixes;
  final int ttl;
  final RdataName mname;
  final RdataName rname;
  final List<RdataName> nameServers;
  final int refresh;
  final int retry;
  final int expire;
  final int minimum;

  private ZoneWire(ZoneSettings s) {
    origin = WireName.absolute(s.origin());
    originSuffixes = RdataName.of(s.origin()).suffixes();
    ttl = (int) s.ttl();
    mname = RdataName.of(s.primaryNs());
    rname = RdataName.of(s.hostmaster());
    nameServers = s.nameServers().stream().map(RdataName::of).toList();
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

  /** Upper bound of the SOA record's size when its owner is a pointer. */
  int soaRecordLength() {
    return 2 + 10 + mname.literalLength() + rname.literalLength() + 20;
  }
}
