package org.rpzx.dist.api;

import java.util.List;
import java.util.Map;
import org.rpzx.core.zone.NameCursor;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneSnapshot;

/**
 * {@code /export/domains.txt} (one active name a line), {@code /export/rpz} (the zone as zone-file
 * text) and {@code /export/hosts} (hosts-file lines), for a {@code read} token or a client in
 * {@code api.export-allowed-subnets} (then {@link ApiRequest#token()} is null). The ETag is the
 * serial: {@code If-None-Match} with it gets 304. Only names, never who submitted them.
 */
public final class ExportApi {

  /** The address a hosts file maps a blocked name to: unroutable, answers at once. */
  static final String HOSTS_ADDRESS = "0.0.0.0";

  private enum Format {
    DOMAINS,
    ZONE_FILE,
    HOSTS
  }

  private final PublishedZone zone;

  public ExportApi(PublishedZone zone) {
    this.zone = zone;
  }

  public List<Route> routes() {
    return List.of(
        new Route("GET", "/export/domains.txt", "read", r -> export(r, Format.DOMAINS)),
        new Route("GET", "/export/rpz", "read", r -> export(r, Format.ZONE_FILE)),
        new Route("GET", "/export/hosts", "read", r -> export(r, Format.HOSTS)));
  }

  private ApiResponse export(ApiRequest r, Format format) {
    ZoneSnapshot s = zone.current();
    String etag = "\"" + s.serial() + "\"";
    Map<String, String> headers = Map.of("ETag", etag, "Cache-Control", "no-cache");
    if (r.ifNoneMatch() != null && matches(r.ifNoneMatch(), etag)) {
      return new ApiResponse(304, null, headers);
    }
    StringBuilder out = new StringBuilder();
    ZoneSettings z = s.settings();
    switch (format) {
      case ZONE_FILE -> zoneFileHeader(out, s);
      case HOSTS -> hostsHeader(out, s);
      case DOMAINS -> {}
    }
    NameCursor c = s.cursor();
    while (c.next()) {
      String name = c.name();
      switch (format) {
        case ZONE_FILE -> {
          String owner = name + "." + z.origin();
          out.append(owner).append(' ').append(z.ttl()).append(" IN CNAME .\n");
          out.append("*.").append(owner).append(' ').append(z.ttl()).append(" IN CNAME .\n");
        }
        case HOSTS -> out.append(HOSTS_ADDRESS).append(' ').append(name).append('\n');
        case DOMAINS -> out.append(name).append('\n');
      }
    }
    return new ApiResponse(200, out.toString(), headers);
  }

  private static void zoneFileHeader(StringBuilder out, ZoneSnapshot s) {
    ZoneSettings z = s.settings();
    String soa =
        z.origin()
            + " "
            + z.ttl()
            + " IN SOA "
            + z.primaryNs()
            + " "
            + z.hostmaster()
            + " "
            + s.serial()
            + " "
            + z.refresh()
            + " "
            + z.retry()
            + " "
            + z.expire()
            + " "
            + z.minimum()
            + "\n";
    out.append("$ORIGIN ").append(z.origin()).append('\n').append(soa);
    for (String ns : z.nameServers()) {
      out.append(z.origin()).append(' ').append(z.ttl()).append(" IN NS ").append(ns);
      out.append('\n');
    }
  }

  /**
   * A hosts file has no wildcards: each name is listed once, as itself. The zone also blocks every
   * name below it ({@code *.N}); the header says so rather than pretending otherwise, and listing
   * guessed subdomains would be both incomplete and unbounded.
   */
  private static void hostsHeader(StringBuilder out, ZoneSnapshot s) {
    out.append("# rpzx blocklist ")
        .append(s.settings().origin())
        .append(" serial ")
        .append(s.serial())
        .append(", ")
        .append(s.nameCount())
        .append(" names\n")
        .append("# hosts files cannot express wildcards: each name is listed as itself only;\n")
        .append("# the RPZ zone also blocks every name below it (*.name).\n");
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String t = candidate.strip();
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals(etag) || t.equals("*")) {
        return true;
      }
    }
    return false;
  }
}
