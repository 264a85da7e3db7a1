package org.rpzx.dist.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rpzx.core.auth.TokenService;
import org.rpzx.core.consumer.ConsumerRegistry;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.governance.FalsePositiveCounter;
import org.rpzx.core.governance.GovernanceSettings;
import org.rpzx.core.governance.HeldSubmissions;
import org.rpzx.core.governance.ParticipationMode;
import org.rpzx.core.governance.ParticipationPolicy;
import org.rpzx.core.governance.PlausibilitySettings;
import org.rpzx.core.governance.QualityReport;
import org.rpzx.core.governance.Suspensions;
import org.rpzx.core.lifecycle.LifecycleSettings;
import org.rpzx.core.lifecycle.ZoneLoader;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.lists.NameLists;
import org.rpzx.core.name.ValidationPolicy;
import org.rpzx.core.privacy.AuditLog;
import org.rpzx.core.privacy.PrivacySettings;
import org.rpzx.core.privacy.RetentionJob;
import org.rpzx.core.report.EntryOverrides;
import org.rpzx.core.report.MailReports;
import org.rpzx.core.report.ReportService;
import org.rpzx.core.store.Database;
import org.rpzx.core.submission.SenderAuthorizer;
import org.rpzx.core.submission.SubmissionPort;
import org.rpzx.core.submission.SubmissionRehearsal;
import org.rpzx.core.submission.SubmissionService;
import org.rpzx.core.submission.ValidationRules;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneListener;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.dist.api.ApiServer;
import org.rpzx.dist.api.ConsumerApi;
import org.rpzx.dist.api.ControlApi;
import org.rpzx.dist.api.EntryApi;
import org.rpzx.dist.api.ExportApi;
import org.rpzx.dist.api.GovernanceApi;
import org.rpzx.dist.api.InstitutionApi;
import org.rpzx.dist.api.MetricsEndpoint;
import org.rpzx.dist.api.PrivacyApi;
import org.rpzx.dist.api.ReportApi;
import org.rpzx.dist.api.Route;
import org.rpzx.dist.api.SubmissionApi;
import org.rpzx.dist.api.TokenApi;
import org.rpzx.dist.config.ConfigException;
import org.rpzx.dist.config.ConfigValidator;
import org.rpzx.dist.config.Durations;
import org.rpzx.dist.config.Governance;
import org.rpzx.dist.config.HostPort;
import org.rpzx.dist.config.Privacy;
import org.rpzx.dist.config.RpzxConfig;
import org.rpzx.dist.metrics.RpzxMetrics;
import org.rpzx.dns.DnsServer;
import org.rpzx.dns.DnsServerSettings;
import org.rpzx.dns.access.CidrBlock;
import org.rpzx.dns.notify.NotifySender;
import org.rpzx.dns.notify.NotifySettings;
import org.rpzx.smtp.ReportIntake;
import org.rpzx.smtp.SmtpIngestServer;
import org.rpzx.smtp.SmtpSettings;
import org.rpzx.smtp.SmtpTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running rpzx: the store, the zone rebuilt from it, the zone maintainer, and the three
 * listeners. Started from a resolved {@link RpzxConfig}; closed in reverse order.
 */
public final class RpzxService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RpzxService.class);
  private static final Duration PUBLISH_WAIT = Duration.ofSeconds(10);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Path dataDir;
  private Database db;
  private PublishedZone zone;
  private SmtpIngestServer smtp;
  private DnsServer dns;
  private ApiServer api;
  private NameLists nameLists;
  private ReportService reports;
  private IngestWarmup warmup;

  private RpzxService(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Starts everything; on failure, whatever was started is closed again. */
  public static RpzxService start(RpzxConfig given) {
    RpzxConfig config = given.withDefaults();
    ConfigValidator.check(config);
    Path dataDir = Path.of(config.dataDir());
    RpzxService service = new RpzxService(dataDir);
    try {
      service.startAll(config);
      return service;
    } catch (IOException e) {
      service.close();
      throw new UncheckedIOException("cannot start: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  private void startAll(RpzxConfig cfg) throws IOException {
    Clock clock = Clock.systemUTC();
    createPrivateDirectory(dataDir);
    db = track(Database.open(dataDir.resolve("rpzx.db")));

    ZoneSettings zoneSettings = zoneSettings(cfg.zone());
    LifecycleSettings lifecycle = lifecycle(cfg.entries());
    zone = ZoneLoader.load(db, zoneSettings, lifecycle, clock);
    ZoneMaintainer maintainer = track(new ZoneMaintainer(db, zone, clock, lifecycle));
    RpzxMetrics metrics = RpzxMetrics.create();
    metrics.watch(zone);
    // DNS first: consumers get the loaded zone while the name lists and the rest start
    ConsumerRegistry consumers = new ConsumerRegistry(db, clock);
    ConsumerCache cache = new ConsumerCache(consumers);
    consumers.addChangeListener(cache::reload);
    cache.reload();
    StoredTransferLog transferLog = track(new StoredTransferLog(consumers, clock));
    HostPort dnsListen = HostPort.parse(cfg.dns().listen());
    InetSocketAddress dnsAddress = dnsListen.toSocketAddress();
    dns =
        track(
            DnsServer.builder(
                    zone,
                    DnsServerSettings.defaults()
                        .withListen(dnsAddress)
                        .withAllowTransfer(
                            cfg.dns().allowTransfer().stream().map(CidrBlock::parse).toList()))
                .keyring(cache)
                .consumers(cache)
                .transferLog(metrics.transferLog(transferLog))
                .start());
    startNotify(cache, new InetSocketAddress(dnsAddress.getAddress(), 0), metrics);

    PrivacySettings privacy = privacy(cfg.privacy());
    ValidationPolicy policy = new ValidationPolicy(zoneSettings.origin(), false);
    nameLists = NameListsSetup.open(cfg, dataDir, db, policy, clock);
    ValidationRules rules = nameLists.rules();
    GovernanceSettings governance = governance(cfg.governance());
    ParticipationPolicy participation =
        new ParticipationPolicy(
            db, clock, governance.participation(), governance.participationWindow());
    SubmissionService submissions =
        new SubmissionService(
            db,
            new SenderAuthorizer(
                db, clock, Boolean.TRUE.equals(cfg.smtp().requireSmime()), participation),
            rules,
            maintainer,
            clock,
            lifecycle.entryLifetime(),
            PUBLISH_WAIT,
            participation,
            governance.plausibility(),
            privacy.keepRawMessages());
    Duration fpSuppression = Durations.parse(cfg.governance().falsePositiveSuppression());
    reports = new ReportService(db, rules, maintainer, clock, fpSuppression, PUBLISH_WAIT);
    SubmissionPort port = metrics.meter(submissions);
    TokenService tokens = new TokenService(db, clock);
    tokens.ensureOperatorToken(dataDir.resolve("operator.token"));
    maintainer.start();
    track(new RetentionJob(db, clock, privacy)).start();
    AuditLog audit = new AuditLog(db, clock);

    smtp =
        track(
            new SmtpIngestServer(
                smtpSettings(cfg.smtp()),
                port,
                metrics.smtpEvents(),
                new ReportIntake(cfg.governance().reportAddresses(), new MailReports(reports))));
    smtp.start();
    warmup = track(new IngestWarmup(smtp, new SubmissionRehearsal(rules, maintainer)));

    Directory directory = new Directory(db, clock);
    ControlApi control = new ControlApi(directory, db, zone, consumers);
    ConsumerApi consumerApi =
        new ConsumerApi(consumers, zone, () -> dns.tcpAddress(), zoneSettings.origin());
    List<Route> routes = new ArrayList<>(control.routes());
    routes.addAll(consumerApi.routes());
    routes.addAll(new TokenApi(tokens, directory).routes());
    routes.addAll(
        new InstitutionApi(
                directory,
                consumers,
                participation,
                new Suspensions(
                    db, directory, maintainer, clock, lifecycle.entryLifetime(), PUBLISH_WAIT))
            .routes());
    // the stats window always ends now, and no report is confirmed in the future: "since" suffices
    FalsePositiveCounter falsePositives =
        (institution, since, until) -> reports.confirmedFalsePositives(institution, since);
    routes.addAll(
        new GovernanceApi(
                new QualityReport(db, clock, falsePositives),
                new HeldSubmissions(
                    db, rules, maintainer, clock, lifecycle.entryLifetime(), PUBLISH_WAIT))
            .routes());
    routes.addAll(new SubmissionApi(port, directory, participation).routes());
    routes.addAll(new ExportApi(zone).routes());
    routes.addAll(NameListsSetup.routes(nameLists, cfg, dataDir));
    routes.addAll(new PrivacyApi(db, audit, clock).routes());
    routes.addAll(new ReportApi(reports).routes());
    routes.addAll(
        new EntryApi(
                db,
                new EntryOverrides(
                    db,
                    rules,
                    maintainer,
                    clock,
                    lifecycle.entryLifetime(),
                    fpSuppression,
                    PUBLISH_WAIT))
            .overrideRoutes());
    Map<String, Route.Handler> open = new HashMap<>(control.openRoutes());
    open.put(MetricsEndpoint.PATH, new MetricsEndpoint(metrics));
    api =
        track(
            new ApiServer(ApiListenerConfig.from(cfg.api()), routes, open, tokens, audit::record));
    api.start();
    LOG.info(
        "rpzx serving zone {} (serial {}, {} names): SMTP {}, DNS {} udp/tcp, API {}, data {}",
        zoneSettings.origin(),
        zone.current().serial(),
        zone.current().nameCount(),
        smtp.port(),
        dns.udpPort(),
        api.url(),
        dataDir.toAbsolutePath());
  }

  /**
   * NOTIFY to every consumer's targets on each new serial, from the DNS listener's address
   * (secondaries accept NOTIFY from their primary's address). The zone listener only hands the
   * serial to the sender's own thread; it is removed before the sender closes.
   */
  private void startNotify(ConsumerCache cache, InetSocketAddress source, RpzxMetrics metrics)
      throws IOException {
    NotifySender notify =
        track(
            NotifySender.start(
                zone,
                cache,
                cache,
                NotifySettings.defaults().withSource(source),
                metrics.notifyListener(
                    r -> {
                      if (r.succeeded()) {
                        LOG.debug("NOTIFY serial {} to {} acknowledged", r.serial(), r.target());
                      }
                    })));
    ZoneListener listener = (snapshot, changes) -> notify.serialChanged(snapshot.serial());
    zone.addListener(listener);
    AutoCloseable unsubscribe = () -> zone.removeListener(listener);
    track(unsubscribe);
  }

  private <T extends AutoCloseable> T track(T resource) {
    resources.add(resource);
    return resource;
  }

  static SmtpSettings smtpSettings(RpzxConfig.Smtp c) throws IOException {
    HostPort listen = HostPort.parse(c.listen());
    Duration session = Durations.parse(c.sessionTimeout());
    SmtpSettings s =
        SmtpSettings.of(
                InetAddress.getByName(listen.host()),
                listen.port(),
                c.hostname(),
                c.communityAddresses())
            .withMaxMessageBytes(Math.toIntExact(c.maxMessageSize()))
            .withMessagesPerMinutePerSource(c.messagesPerMinutePerSource())
            .withConnectionLimits(c.maxConnections(), c.maxConnectionsPerSource())
            .withDeadlines(
                session,
                SmtpSettings.DEFAULT_DATA_TIMEOUT.compareTo(session) < 0
                    ? SmtpSettings.DEFAULT_DATA_TIMEOUT
                    : session);
    if (c.smimeTrustAnchors() != null && !c.smimeTrustAnchors().isBlank()) {
      s = s.withSmimeTrustAnchors(Path.of(c.smimeTrustAnchors()));
    }
    boolean requireTls = Boolean.TRUE.equals(c.requireTls());
    if (c.tlsCertificate() != null && !c.tlsCertificate().isBlank()) {
      String key = c.tlsKey() != null && !c.tlsKey().isBlank() ? c.tlsKey() : c.tlsCertificate();
      s = s.withTls(SmtpTls.fromPem(Path.of(c.tlsCertificate()), Path.of(key)), requireTls);
    } else if (requireTls) {
      throw new ConfigException("smtp.require-tls needs smtp.tls-certificate");
    }
    return s;
  }

  static ZoneSettings zoneSettings(RpzxConfig.Zone z) {
    String origin = z.origin().endsWith(".") ? z.origin() : z.origin() + ".";
    return new ZoneSettings(
        origin,
        z.ttl(),
        z.primaryNs(),
        z.hostmaster() != null ? z.hostmaster() : "hostmaster." + origin,
        z.refresh(),
        z.retry(),
        z.expire(),
        z.minimum(),
        z.nameServers());
  }

  static LifecycleSettings lifecycle(RpzxConfig.Entries e) {
    LifecycleSettings d = LifecycleSettings.defaults();
    return new LifecycleSettings(
        Durations.parse(e.lifetime()),
        Durations.parse(e.coalesceWindow()),
        Durations.parse(e.sweepInterval()),
        d.journalMaxChangeSets(),
        d.journalMaxBytes());
  }

  static PrivacySettings privacy(Privacy p) {
    return new PrivacySettings(
        Durations.parse(p.submissionRetention()),
        Boolean.TRUE.equals(p.keepRawMessages()),
        Durations.parse(p.rawMessageRetention()),
        Durations.parse(p.auditRetention()),
        PrivacySettings.defaults().interval());
  }

  /** The {@code governance:} section as core's settings (validated by {@link ConfigValidator}). */
  static GovernanceSettings governance(Governance g) {
    Governance.Plausibility p = g.plausibility();
    return new GovernanceSettings(
        ParticipationMode.parse(g.participation())
            .orElseThrow(
                () ->
                    new ConfigException(
                        "governance.participation: must be warn or refuse, got '"
                            + g.participation()
                            + "'")),
        Durations.parse(g.participationWindow()),
        new PlausibilitySettings(
            p.enabled(), p.maxRejectedShare(), p.maxSizeFactor(), p.minHistory()));
  }

  private static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  public int smtpPort() {
    return smtp.port();
  }

  public InetSocketAddress dnsTcpAddress() {
    return dns.tcpAddress();
  }

  public InetSocketAddress dnsUdpAddress() {
    return dns.udpAddress();
  }

  /** The routes the API serves behind a token. */
  public List<Route> apiRoutes() {
    return api.routes();
  }

  public InetSocketAddress apiAddress() {
    return api.address();
  }

  /** The API's base URL: {@code https://} when TLS is configured. */
  public String apiUrl() {
    return api.url();
  }

  public PublishedZone zone() {
    return zone;
  }

  /** The operator's name lists (allowlist, suppressions, Top-N) and their reloads. */
  public NameLists nameLists() {
    return nameLists;
  }

  /** False-positive reports (and the confirmed counts per institution for quality figures). */
  public ReportService reports() {
    return reports;
  }

  /**
   * Rehearses large submissions on one low-priority thread so that the first real one finds the
   * ingest path compiled ({@link IngestWarmup}); {@code rpzx serve} calls it once everything
   * started.
   */
  public void warmUp() {
    warmup.start();
  }

  /** Stops listeners first, then the maintainer, then the store. */
  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn("closing {}: {}", resources.get(i).getClass().getSimpleName(), e.getMessage());
      }
    }
    resources.clear();
  }
}
