package org.rpzx.dist.config;

import java.util.List;

/**
 * The configuration file ({@code rpzx.yaml}), as written: every key optional, kebab-case. {@link
 * #withDefaults()} fills in the embedded defaults; {@code docs/configuration.md} documents them.
 */
public record RpzxConfig(
    String dataDir, Smtp smtp, Dns dns, Api api, Zone zone, Entries entries, TopSites topSites) {

  /** The SMTP receiver. */
  public record Smtp(
      String listen,
      String hostname,
      List<String> communityAddresses,
      Long maxMessageSize,
      Boolean requireSmime,
      String smimeTrustAnchors,
      String tlsCertificate,
      String tlsKey,
      Boolean requireTls,
      Integer messagesPerMinutePerSource,
      String sessionTimeout,
      Integer maxConnections,
      Integer maxConnectionsPerSource) {

    public Smtp(
        String listen,
        String hostname,
        List<String> communityAddresses,
        Long maxMessageSize,
        Boolean requireSmime) {
      this(
          listen,
          hostname,
          communityAddresses,
          maxMessageSize,
          requireSmime,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
  }

  /** The DNS primary. */
  public record Dns(String listen, List<String> allowTransfer) {}

  /** The HTTP API. */
  public record Api(String listen) {}

  /** The served zone. */
  public record Zone(
      String origin,
      Long ttl,
      String primaryNs,
      String hostmaster,
      Long refresh,
      Long retry,
      Long expire,
      Long minimum,
      List<String> nameServers) {}

  /** Entry lifecycle and publication. */
  public record Entries(String lifetime, String coalesceWindow, String sweepInterval) {}

  /** The Top-N list (Tranco CSV); no file means the bundled list. */
  public record TopSites(String file, Integer n) {}

  public static final String DEFAULT_DATA_DIR = "./rpzx-data";
  public static final String DEFAULT_SMTP_LISTEN = "127.0.0.1:2525";
  public static final String DEFAULT_DNS_LISTEN = "127.0.0.1:5353";
  public static final String DEFAULT_API_LISTEN = "127.0.0.1:8053";
  public static final String DEFAULT_COMMUNITY_ADDRESS = "blocklist@localhost";

  /** The embedded defaults: unprivileged loopback ports, data in {@code ./rpzx-data}. */
  public static RpzxConfig defaults() {
    return new RpzxConfig(
        DEFAULT_DATA_DIR,
        new Smtp(
            DEFAULT_SMTP_LISTEN,
            "localhost",
            List.of(DEFAULT_COMMUNITY_ADDRESS),
            25L * 1024 * 1024,
            false,
            null,
            null,
            null,
            false,
            10,
            "10m",
            50,
            5),
        new Dns(DEFAULT_DNS_LISTEN, List.of("127.0.0.0/8", "::1/128")),
        new Api(DEFAULT_API_LISTEN),
        new Zone(
            "community.rpz.",
            60L,
            "localhost.",
            null,
            300L,
            60L,
            1_209_600L,
            60L,
            List.of("localhost.")),
        new Entries("30d", "500ms", "10s"),
        new TopSites(null, 10_000));
  }

  /** This configuration with every missing key taken from {@link #defaults()}. */
  public RpzxConfig withDefaults() {
    RpzxConfig d = defaults();
    Smtp s = smtp == null ? d.smtp : smtp;
    Dns n = dns == null ? d.dns : dns;
    Zone z = zone == null ? d.zone : zone;
    Entries e = entries == null ? d.entries : entries;
    TopSites t = topSites == null ? d.topSites : topSites;
    return new RpzxConfig(
        or(dataDir, d.dataDir),
        new Smtp(
            or(s.listen, d.smtp.listen),
            or(s.hostname, d.smtp.hostname),
            or(s.communityAddresses, d.smtp.communityAddresses),
            or(s.maxMessageSize, d.smtp.maxMessageSize),
            or(s.requireSmime, d.smtp.requireSmime),
            s.smimeTrustAnchors,
            s.tlsCertificate,
            s.tlsKey,
            or(s.requireTls, d.smtp.requireTls),
            or(s.messagesPerMinutePerSource, d.smtp.messagesPerMinutePerSource),
            or(s.sessionTimeout, d.smtp.sessionTimeout),
            or(s.maxConnections, d.smtp.maxConnections),
            or(s.maxConnectionsPerSource, d.smtp.maxConnectionsPerSource)),
        new Dns(or(n.listen, d.dns.listen), or(n.allowTransfer, d.dns.allowTransfer)),
        new Api(api == null || api.listen == null ? d.api.listen : api.listen),
        new Zone(
            or(z.origin, d.zone.origin),
            or(z.ttl, d.zone.ttl),
            or(z.primaryNs, d.zone.primaryNs),
            z.hostmaster,
            or(z.refresh, d.zone.refresh),
            or(z.retry, d.zone.retry),
            or(z.expire, d.zone.expire),
            or(z.minimum, d.zone.minimum),
            or(z.nameServers, d.zone.nameServers)),
        new Entries(
            or(e.lifetime, d.entries.lifetime),
            or(e.coalesceWindow, d.entries.coalesceWindow),
            or(e.sweepInterval, d.entries.sweepInterval)),
        new TopSites(t.file, or(t.n, d.topSites.n)));
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
