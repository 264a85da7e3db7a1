package org.rpzx.dist.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.rpzx.dns.access.CidrBlock;

/**
 * Checks a complete configuration (after defaults and flags) before anything starts, so that an
 * operator sees every problem at once, each naming its key, instead of a stack trace from the
 * listener that first trips over it.
 */
public final class ConfigValidator {

  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final Pattern DNS_NAME =
      Pattern.compile("(?i)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\\.)*[a-z0-9_-]{1,63}\\.?");
  private static final long MAX_TTL = 2_147_483_647L;

  private final List<String> problems = new ArrayList<>();

  private ConfigValidator() {}

  /** Throws a {@link ConfigException} listing every problem, one per line. */
  public static void check(RpzxConfig config) {
    List<String> problems = problems(config);
    if (!problems.isEmpty()) {
      throw new ConfigException(
          problems.size() == 1
              ? problems.get(0)
              : "invalid configuration:\n  " + String.join("\n  ", problems));
    }
  }

  /** Every problem as {@code key: what is wrong}; empty when the configuration is usable. */
  public static List<String> problems(RpzxConfig config) {
    RpzxConfig c = config.withDefaults();
    ConfigValidator v = new ConfigValidator();
    v.require(c.dataDir() != null && !c.dataDir().isBlank(), "data-dir", "must not be empty");
    v.smtp(c.smtp());
    v.listen("dns.listen", c.dns().listen());
    v.cidrs("dns.allow-transfer", c.dns().allowTransfer());
    v.api(c.api());
    v.zone(c.zone());
    v.entries(c.entries());
    v.topSites(c.topSites());
    v.readable("allowlist.file", c.allowlist().file());
    v.governance(c.governance());
    v.privacy(c.privacy());
    return List.copyOf(v.problems);
  }

  private void smtp(RpzxConfig.Smtp s) {
    listen("smtp.listen", s.listen());
    require(name(s.hostname()), "smtp.hostname", "must be a host name, got '" + s.hostname() + "'");
    if (s.communityAddresses().isEmpty()) {
      problems.add("smtp.community-addresses: at least one address is needed");
    }
    for (String a : s.communityAddresses()) {
      require(
          a != null && ADDRESS.matcher(a).matches(),
          "smtp.community-addresses",
          "'" + a + "' is not an address like blocklist@example.org");
    }
    range("smtp.max-message-size", s.maxMessageSize(), 1024, Integer.MAX_VALUE);
    readable("smtp.smime-trust-anchors", s.smimeTrustAnchors());
    readable("smtp.tls-certificate", s.tlsCertificate());
    readable("smtp.tls-key", s.tlsKey());
    require(
        !Boolean.TRUE.equals(s.requireTls()) || present(s.tlsCertificate()),
        "smtp.require-tls",
        "needs smtp.tls-certificate");
    range("smtp.messages-per-minute-per-source", s.messagesPerMinutePerSource(), 1, 1_000_000);
    positiveDuration("smtp.session-timeout", s.sessionTimeout());
    range("smtp.max-connections", s.maxConnections(), 1, 100_000);
    range("smtp.max-connections-per-source", s.maxConnectionsPerSource(), 1, 100_000);
    if (s.maxConnections() != null
        && s.maxConnectionsPerSource() != null
        && s.maxConnectionsPerSource() > s.maxConnections()) {
      problems.add("smtp.max-connections-per-source: larger than smtp.max-connections");
    }
  }

  private void api(RpzxConfig.Api a) {
    listen("api.listen", a.listen());
    if (present(a.tlsCertificate()) != present(a.tlsKey())) {
      problems.add(
          present(a.tlsCertificate())
              ? "api.tls-key: needed with api.tls-certificate"
              : "api.tls-certificate: needed with api.tls-key");
    }
    readable("api.tls-certificate", a.tlsCertificate());
    readable("api.tls-key", a.tlsKey());
    cidrs("api.export-allowed-subnets", a.exportAllowedSubnets());
  }

  private void zone(RpzxConfig.Zone z) {
    require(name(z.origin()), "zone.origin", "must be a domain name, got '" + z.origin() + "'");
    require(
        name(z.primaryNs()), "zone.primary-ns", "must be a host name, got '" + z.primaryNs() + "'");
    require(
        z.hostmaster() == null || name(z.hostmaster()),
        "zone.hostmaster",
        "must be a mailbox as a domain name (hostmaster.example.org.), got '"
            + z.hostmaster()
            + "'");
    range("zone.ttl", z.ttl(), 0, MAX_TTL);
    range("zone.refresh", z.refresh(), 1, MAX_TTL);
    range("zone.retry", z.retry(), 1, MAX_TTL);
    range("zone.expire", z.expire(), 1, MAX_TTL);
    range("zone.minimum", z.minimum(), 0, MAX_TTL);
    if (z.nameServers().isEmpty()) {
      problems.add("zone.name-servers: at least one name server is needed");
    }
    for (String ns : z.nameServers()) {
      require(name(ns), "zone.name-servers", "'" + ns + "' is not a host name");
    }
  }

  private void entries(RpzxConfig.Entries e) {
    Duration lifetime = positiveDuration("entries.lifetime", e.lifetime());
    Duration window = duration("entries.coalesce-window", e.coalesceWindow());
    positiveDuration("entries.sweep-interval", e.sweepInterval());
    if (lifetime != null && window != null && window.compareTo(lifetime) >= 0) {
      problems.add("entries.coalesce-window: must be shorter than entries.lifetime");
    }
  }

  private void topSites(RpzxConfig.TopSites t) {
    range("top-sites.n", t.n(), 1, 10_000_000);
    readable("top-sites.file", t.file());
    if (present(t.url())) {
      try {
        URI uri = new URI(t.url());
        require(
            "https".equals(uri.getScheme()) || "http".equals(uri.getScheme()),
            "top-sites.url",
            "must be an http or https URL, got '" + t.url() + "'");
      } catch (URISyntaxException ex) {
        problems.add("top-sites.url: not a URL: " + ex.getMessage());
      }
    }
  }

  private void governance(Governance g) {
    require(
        "warn".equals(g.participation()) || "refuse".equals(g.participation()),
        "governance.participation",
        "must be warn or refuse, got '" + g.participation() + "'");
    positiveDuration("governance.participation-window", g.participationWindow());
    positiveDuration("governance.false-positive-suppression", g.falsePositiveSuppression());
    for (String a : g.reportAddresses()) {
      require(
          a != null && ADDRESS.matcher(a).matches(),
          "governance.report-addresses",
          "'" + a + "' is not an address like reports@example.org");
    }
    Governance.Plausibility p = g.plausibility();
    if (p.maxRejectedShare() < 0 || p.maxRejectedShare() > 1) {
      problems.add(
          "governance.plausibility.max-rejected-share: must be between 0 and 1, got "
              + p.maxRejectedShare());
    }
    if (p.maxSizeFactor() < 1) {
      problems.add(
          "governance.plausibility.max-size-factor: must be at least 1, got " + p.maxSizeFactor());
    }
    range("governance.plausibility.min-history", p.minHistory(), 1, 10_000);
  }

  private void privacy(Privacy p) {
    positiveDuration("privacy.submission-retention", p.submissionRetention());
    positiveDuration("privacy.raw-message-retention", p.rawMessageRetention());
    positiveDuration("privacy.audit-retention", p.auditRetention());
  }

  private void listen(String key, String value) {
    attempt(key, () -> HostPort.parse(value));
  }

  private void cidrs(String key, List<String> values) {
    for (String cidr : values) {
      attempt(key, () -> CidrBlock.parse(cidr));
    }
  }

  private Duration duration(String key, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      problems.add(key + ": " + e.getMessage());
      return null;
    }
  }

  private Duration positiveDuration(String key, String value) {
    Duration d = duration(key, value);
    if (d != null && d.isZero()) {
      problems.add(key + ": must be longer than zero");
      return null;
    }
    return d;
  }

  private void range(String key, Number value, long min, long max) {
    if (value != null && (value.longValue() < min || value.longValue() > max)) {
      problems.add(key + ": must be between " + min + " and " + max + ", got " + value);
    }
  }

  private void readable(String key, String file) {
    if (present(file) && !Files.isReadable(Path.of(file))) {
      problems.add(key + ": cannot read " + file);
    }
  }

  private void attempt(String key, Runnable parse) {
    try {
      parse.run();
    } catch (IllegalArgumentException e) {
      problems.add(key + ": " + e.getMessage());
    }
  }

  private void require(boolean ok, String key, String message) {
    if (!ok) {
      problems.add(key + ": " + message);
    }
  }

  private static boolean name(String s) {
    return s != null && s.length() <= 254 && DNS_NAME.matcher(s).matches();
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
