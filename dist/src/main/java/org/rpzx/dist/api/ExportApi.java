package org.rpzx.dist.api;

import java.util.List;
import java.util.Map;
import org.rpzx.core.zone.NameCursor;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneSnapshot;

/**
 * {@code /export/domains.txt} (one active name a line) and {@code /export/rpz} (the zone as
 * zone-file text), for a {@code read} token. The ETag is the serial: {@code If-None-Match} with it
 * gets 304. Only names, never who submitted them.
 */
public final class ExportApi {

  private final PublishedZone zone;

  public ExportApi(PublishedZone zone) {
    this.zone = zone;
  }

  public List<Route> routes() {
    return List.of(
        new Route("GET", "/export/domains.txt", "read", r -> export(r, false)),
        new Route("GET", "/export/rpz", "read", r -> export(r, true)));
  }

  private ApiResponse export(ApiRequest r, boolean zoneFile) {
    ZoneSnapshot s = zone.current();
    String etag = "\"" + s.serial() + "\"";
    Map<String, String> headers = Map.of("ETag", etag, "Cache-Control", "no-cache");
    if (r.ifNoneMatch() != null && matches(r.ifNoneMatch(), etag)) {
      return new ApiResponse(304, null, headers);
    }
    StringBuilder out = new StringBuilder();
    ZoneSettings z = s.settings();
    if (zoneFile) {
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
    NameCursor c = s.cursor();
    while (c.next()) {
      String name = c.name();
      if (zoneFile) {
        String owner = name + "." + z.origin();
        out.append(owner).append(' ').append(z.ttl()).append(" IN CNAME .\n");
        out.append("*.").append(owner).append(' ').append(z.ttl()).append(" IN CNAME .\n");
      } else {
        out.append(name).append('\n');
      }
    }
    return new ApiResponse(200, out.toString(), headers);
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
