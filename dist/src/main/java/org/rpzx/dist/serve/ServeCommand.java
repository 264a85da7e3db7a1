package org.rpzx.dist.serve;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.rpzx.dist.config.ConfigException;
import org.rpzx.dist.config.ConfigLoader;
import org.rpzx.dist.config.ConfigValidator;
import org.rpzx.dist.config.RpzxConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rpzx serve}: runs the service until SIGTERM/SIGINT. Flags override the config file. */
@Command(
    name = "serve",
    description = "Run the service (SMTP receiver, DNS primary, HTTP API).",
    mixinStandardHelpOptions = true,
    footer = {
      "%nWith no file and no flags: SMTP 127.0.0.1:2525, DNS 127.0.0.1:5353 (UDP+TCP),",
      "API 127.0.0.1:8053, data in ./rpzx-data, community address blocklist@localhost.",
      "%nExamples:",
      "  rpzx serve",
      "  rpzx serve --config /etc/rpzx/rpzx.yaml"
    })
public final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file")
  Path config;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "where the store and the operator token live (data-dir)")
  String dataDir;

  @Option(
      names = "--smtp-listen",
      paramLabel = "HOST:PORT",
      description = "SMTP receiver address (smtp.listen)")
  String smtpListen;

  @Option(
      names = "--dns-listen",
      paramLabel = "HOST:PORT",
      description = "DNS primary address, UDP and TCP (dns.listen)")
  String dnsListen;

  @Option(
      names = "--api-listen",
      paramLabel = "HOST:PORT",
      description = "HTTP API address (api.listen)")
  String apiListen;

  @Option(names = "--zone", paramLabel = "NAME", description = "zone origin")
  String zone;

  @Option(
      names = "--community-address",
      paramLabel = "ADDR",
      description = "address submissions are mailed to (repeatable)")
  List<String> communityAddresses;

  @Option(
      names = "--require-smime",
      description = "accept only S/MIME signed submissions (smtp.require-smime)")
  Boolean requireSmime;

  @Option(
      names = "--smime-trust",
      paramLabel = "FILE",
      description =
          "PEM bundle of CAs that S/MIME signers must chain to (smtp.smime-trust-anchors)")
  String smimeTrust;

  @Option(names = "--top-sites", paramLabel = "CSV", description = "Tranco CSV (rank,domain)")
  String topSites;

  @Option(names = "--top-n", paramLabel = "N", description = "use the first N names of the list")
  Integer topN;

  @Override
  public Integer call() throws Exception {
    RpzxConfig cfg;
    try {
      cfg = overrides(ConfigLoader.load(config));
      ConfigValidator.check(cfg);
    } catch (ConfigException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("rpzx serve: " + e.getMessage());
      return 2;
    }
    RootCheck.warning(RootCheck.effectiveUid())
        .ifPresent(w -> spec.commandLine().getErr().println("rpzx serve: warning: " + w));
    LOG.info(ThreadPriorities.describe());
    RpzxService service;
    try {
      service = RpzxService.start(cfg);
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("rpzx serve: " + e.getMessage());
      return 2;
    } catch (UncheckedIOException e) {
      // a port in use, an unwritable data directory: one line, not a stack trace
      spec.commandLine().getErr().println("rpzx serve: " + e.getMessage());
      return 1;
    }
    ReloadSignal.install(service.nameLists());
    if (IngestWarmup.enabled()) {
      service.warmUp();
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.close();
                  stopped.countDown();
                },
                "rpzx-shutdown"));
    stopped.await();
    return 0;
  }

  RpzxConfig overrides(RpzxConfig c) {
    RpzxConfig.Smtp s = c.smtp();
    RpzxConfig.Zone z = c.zone();
    RpzxConfig.TopSites t = c.topSites();
    return new RpzxConfig(
        dataDir != null ? dataDir : c.dataDir(),
        new RpzxConfig.Smtp(
            smtpListen != null ? smtpListen : s.listen(),
            s.hostname(),
            communityAddresses != null ? communityAddresses : s.communityAddresses(),
            s.maxMessageSize(),
            requireSmime != null ? requireSmime : s.requireSmime(),
            smimeTrust != null ? smimeTrust : s.smimeTrustAnchors(),
            s.tlsCertificate(),
            s.tlsKey(),
            s.requireTls(),
            s.messagesPerMinutePerSource(),
            s.sessionTimeout(),
            s.maxConnections(),
            s.maxConnectionsPerSource()),
        new RpzxConfig.Dns(
            dnsListen != null ? dnsListen : c.dns().listen(), c.dns().allowTransfer()),
        new RpzxConfig.Api(
            apiListen != null ? apiListen : c.api().listen(),
            c.api().tlsCertificate(),
            c.api().tlsKey(),
            c.api().exportAllowedSubnets()),
        new RpzxConfig.Zone(
            zone != null ? zone : z.origin(),
            z.ttl(),
            z.primaryNs(),
            z.hostmaster(),
            z.refresh(),
            z.retry(),
            z.expire(),
            z.minimum(),
            z.nameServers()),
        c.entries(),
        new RpzxConfig.TopSites(
            topSites != null ? topSites : t.file(), topN != null ? topN : t.n(), t.url()),
        c.allowlist(),
        c.governance(),
        c.privacy());
  }
}
