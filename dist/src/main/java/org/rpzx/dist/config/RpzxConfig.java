package org.rpzx.dist.config;

import java.util.List;

/**
 * The configuration file ({@code rpzx.yaml}), as written: every key optional, kebab-case. {@link
 * #withDefaults()} fills in the embedded defaults; {@code docs/configuration.md} documents them.
 */
public record RpzxConfig(
    String dataDir,
    Smtp smtp,
    Dns dns,
    Api api,
    Zone zone,
    Entries entries,
    TopSites topSites,
    Allowlist allowlist,
    Governance governance,
    Privacy privacy) {

  /** The configuration without an allowlist file (the store's allowlist only). */
  public RpzxConfig(
      String dataDir, Smtp smtp, Dns dns, Api api, Zone zone, Entries entries, TopSites topSites) {
    this(dataDir, smtp, dns, api, zone, entries, topSites, new Allowlist(null), null, null);
  }

  /** The configuration with default governance and privacy settings. */
  public RpzxConfig(
      String dataDir,
      Smtp smtp,
      Dns dns,
      Api api,
      Zone zone,
      Entries entries,
      TopSites topSites,
      Allowlist allowlist) {
    this(dataDir, smtp, dns, api, zone, entries, topSites, allowlist, null, null);
  }

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

  /**
   * The HTTP API: TLS when both certificate and key (PEM) are set; {@code exportAllowedSubnets} may
   * fetch {@code /export/*} without a token.
   */
  public record Api(
      String listen, String tlsCertificate, String tlsKey, List<String> exportAllowedSubnets) {

    public Api(String listen) {
      this(listen, null, null, List.of());
    }
  }

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

  /**
   * The Top-N list (Tranco CSV); no file means the bundled list. {@code url} is where {@code rpzx
   * top-sites fetch} downloads it from.
   */
  public record TopSites(String file, Integer n, String url) {

    public TopSites(String file, Integer n) {
      this(file, n, null);
    }
  }

  /** An operator-maintained allowlist file (one name per line), added to the store's allowlist. */
  public record Allowlist(String file) {}

  public static final String DEFAULT_TOP_SITES_URL = "https://tranco-list.eu/top-1m.csv.zip";

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
        new Api(DEFAULT_API_LISTEN, null, null, List.of()),
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
        new TopSites(null, 10_000, DEFAULT_TOP_SITES_URL),
        new Allowlist(null),
        Governance.defaults(),
        Privacy.defaults());
  }

  /** This configuration with every missing key taken from {@link #defaults()}. */
  public RpzxConfig withDefaults() {
    RpzxConfig d = defaults();
    Smtp s = smtp == null ? d.smtp : smtp;
    Dns n = dns == null ? d.dns : dns;
    Zone z = zone == null ? d.zone : zone;
    Entries e = entries == null ? d.entries : entries;
    TopSites t = topSites == null ? d.topSites : topSites;
    Api a = api == null ? d.api : api;
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
        new Api(
            or(a.listen, d.api.listen),
            a.tlsCertificate,
            a.tlsKey,
            or(a.exportAllowedSubnets, d.api.exportAllowedSubnets)),
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
        new TopSites(t.file, or(t.n, d.topSites.n), or(t.url, d.topSites.url)),
        allowlist == null ? d.allowlist : allowlist,
        governance == null ? d.governance : governance.withDefaults(),
        privacy == null ? d.privacy : privacy.withDefaults());
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
