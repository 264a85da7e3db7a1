package org.rpzx.dist.reliability;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.rpzx.dist.config.Durations;

/**
 * Issue 8 on one machine: the packaged {@code rpzx serve} with N names preloaded, and for a bounded
 * time D at once: SMTP sessions submitting small {@code domains.txt} files back to back ({@link
 * SubmissionLoad}), AXFR clients in a loop ({@link AxfrLoop}), SOA over UDP at a fixed rate ({@link
 * UdpSoaLoad}), and slow clients on SMTP and DNS/TCP ({@link SlowLoris}). Measured meanwhile: SOA
 * latency from a separate sampler ({@link SoaSampler}), the server's RSS ({@link ProcessMemory}).
 * Checked afterwards: every submission answered 250 is in the store (API) and in an AXFR, the
 * stalled clients were closed by the server's timeouts, the server is alive and healthy.
 *
 * <p>{@code LoadIT} runs the small CI figures ({@link Settings#ci()}); {@code
 * -Drpzx.load.full=true} makes it the full run (1M names, D = 60 s, {@link Settings#full()}), as
 * does {@link #main} on the test class path. Every figure can be set with a {@code rpzx.load.*}
 * system property (see {@link Settings#fromSystemProperties(Settings)}).
 */
public final class LoadHarness {

  static final String ORIGIN = "community.rpz.";
  static final String INSTITUTION = "Load Test University";
  static final String SENDER = "cert@load.example";
  static final String COMMUNITY = "blocklist@rpzx.test";

  /** The DNS/TCP idle timeout of {@code rpzx serve} (not configurable; RFC 7766 §6.2.3). */
  static final Duration DNS_TCP_IDLE = Duration.ofSeconds(30);

  /**
   * Slow-client kinds a server timeout must close: SMTP by the session timeout, DNS/TCP by the idle
   * timeout and, for a message dripped byte by byte, by the per-message deadline.
   */
  static final List<SlowLoris.Kind> MUST_CLOSE =
      List.of(
          SlowLoris.Kind.SMTP_DRIP,
          SlowLoris.Kind.DNS_PREFIX_STALL,
          SlowLoris.Kind.DNS_PARTIAL_STALL,
          SlowLoris.Kind.DNS_DRIP);

  /** The thread-priority options bin/rpzx gives {@code serve} (the harness runs the jar itself). */
  static final String LAUNCHER = "-XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=10";

  /** The load and its duration; {@link #ci()} and {@link #full()} are the two recorded runs. */
  public record Settings(
      int names,
      int smtpSessions,
      int axfrClients,
      int udpQps,
      int smtpLoris,
      int dnsLoris,
      int dnsDrip,
      int seconds,
      String smtpSessionTimeout,
      String jvmOptions,
      String coalesceWindow,
      long seed) {

    /** Small figures for CI. */
    public static Settings ci() {
      return new Settings(
          20_000, 20, 5, 2_000, 10, 10, 2, 15, "10s", "-Xmx512m " + LAUNCHER, "500ms", 1);
    }

    /** Issue 8's figures. */
    public static Settings full() {
      return new Settings(
          1_000_000, 200, 20, 20_000, 50, 50, 5, 60, "20s", "-Xmx1g " + LAUNCHER, "500ms", 1);
    }

    /**
     * {@link #full()} if {@code -Drpzx.load.full=true}, else {@link #ci()}, with every other {@code
     * rpzx.load.*} system property that is set applied.
     */
    public static Settings fromSystemProperties() {
      return fromSystemProperties(Boolean.getBoolean("rpzx.load.full") ? full() : ci());
    }

    /** {@code base} with every {@code rpzx.load.*} system property that is set applied. */
    public static Settings fromSystemProperties(Settings base) {
      return new Settings(
          Integer.getInteger("rpzx.load.names", base.names),
          Integer.getInteger("rpzx.load.smtp-sessions", base.smtpSessions),
          Integer.getInteger("rpzx.load.axfr-clients", base.axfrClients),
          Integer.getInteger("rpzx.load.udp-qps", base.udpQps),
          Integer.getInteger("rpzx.load.smtp-loris", base.smtpLoris),
          Integer.getInteger("rpzx.load.dns-loris", base.dnsLoris),
          Integer.getInteger("rpzx.load.dns-drip", base.dnsDrip),
          Integer.getInteger("rpzx.load.seconds", base.seconds),
          System.getProperty("rpzx.load.smtp-session-timeout", base.smtpSessionTimeout),
          System.getProperty("rpzx.load.jvm-options", base.jvmOptions),
          System.getProperty("rpzx.load.coalesce-window", base.coalesceWindow),
          Long.getLong("rpzx.load.seed", base.seed));
    }

    List<String> jvmOptionList() {
      return jvmOptions.isBlank() ? List.of() : Arrays.asList(jvmOptions.strip().split("\\s+"));
    }
  }

  private LoadHarness() {}

  /** The full run: issue 8's figures, overridable by {@code rpzx.load.*}; exit 1 on a failure. */
  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("rpzx-load");
    LoadReport report = run(Settings.fromSystemProperties(Settings.full()), work, System.out);
    System.exit(report.ok() ? 0 : 1);
  }

  /** One run in {@code work}; a failed check is in the report, not thrown. */
  public static LoadReport run(Settings s, Path work, PrintStream out) throws Exception {
    out.println("load harness: " + s + " in " + work);
    LoadReport.Builder report = new LoadReport.Builder(s);
    Path data = work.resolve("data");
    Path config = work.resolve("rpzx.yaml");
    Path log = work.resolve("serve.log");

    long t0 = System.nanoTime();
    int preloaded = PreloadedStore.fill(data, INSTITUTION, SENDER, s.names(), s.seed());
    report.preload(preloaded, seconds(t0));
    ServeProcess.Ports ports =
        ServeProcess.writeConfig(
            config,
            data,
            COMMUNITY,
            s.coalesceWindow(),
            s.smtpSessions() + s.smtpLoris() + 10,
            s.smtpSessionTimeout());
    InetSocketAddress dnsAddress = new InetSocketAddress("127.0.0.1", ports.dns());
    ZoneClient dns = new ZoneClient(ORIGIN, dnsAddress);
    try (ServeProcess server =
        ServeProcess.start(config, log, dns, Duration.ofMinutes(5), s.jvmOptionList())) {
      report.startup(server.startup().toMillis() / 1000.0);
      out.printf("%d names preloaded, serve answered SOA after %s%n", preloaded, server.startup());
      OperatorApi api =
          new OperatorApi("http://127.0.0.1:" + ports.api(), data.resolve("operator.token"));
      Submitter submitter = new Submitter(ports.smtp(), SENDER, COMMUNITY, api.base(), "unused");
      ProcessMemory memory = new ProcessMemory(server.pid(), 500);
      memory.start();
      Set<String> acked = load(s, ports, dnsAddress, submitter, report, out);
      out.println("load done; checking");
      check(s, server, dns, api, acked, preloaded, report);
      report.memory(memory.stop());
      if (Files.readString(log).contains("OutOfMemoryError")) {
        report.fail("OutOfMemoryError in the server log");
      }
      if (!server.isAlive()) {
        report.fail("the server died:\n" + server.logTail());
      }
    }
    LoadReport result = report.build();
    out.println(result.table());
    return result;
  }

  /** Everything at once for D seconds; returns the names of every submission answered 250. */
  private static Set<String> load(
      Settings s,
      ServeProcess.Ports ports,
      InetSocketAddress dnsAddress,
      Submitter submitter,
      LoadReport.Builder report,
      PrintStream out)
      throws Exception {
    InetSocketAddress smtpAddress = new InetSocketAddress("127.0.0.1", ports.smtp());
    SoaSampler sampler = new SoaSampler(dnsAddress, ORIGIN, 10, 1000);
    SlowLoris loris = new SlowLoris(2000);
    AxfrLoop axfr = new AxfrLoop(dnsAddress, ORIGIN, s.axfrClients());
    UdpSoaLoad udp = new UdpSoaLoad(dnsAddress, ORIGIN, s.udpQps());
    SubmissionLoad smtp = new SubmissionLoad(submitter, "load", s.smtpSessions(), 0);

    long dropsBefore = UdpSocketDrops.of(dnsAddress.getPort());
    // the probes (sampler, paced UDP load) measure latency: normal priority; the bulk generators
    // below the server (GeneratorPriority)
    sampler.start();
    udp.start();
    long lorisOpened = System.nanoTime();
    loris.open(SlowLoris.Kind.SMTP_DRIP, s.smtpLoris(), smtpAddress);
    loris.open(SlowLoris.Kind.DNS_PREFIX_STALL, s.dnsLoris() / 2, dnsAddress);
    loris.open(SlowLoris.Kind.DNS_PARTIAL_STALL, s.dnsLoris() - s.dnsLoris() / 2, dnsAddress);
    loris.open(SlowLoris.Kind.DNS_DRIP, s.dnsDrip(), dnsAddress);
    GeneratorPriority.Outcome priority =
        GeneratorPriority.startNiced(
            () -> {
              loris.start();
              axfr.start();
              smtp.start();
            });
    report.generatorPriority(priority.detail());
    out.println("load generators: " + priority.detail());
    long started = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(s.seconds()));
    long stopping = System.nanoTime();
    smtp.stop();
    report.smtp(smtp, seconds(started));
    report.axfr(axfr.stop(Duration.ofSeconds(30)));
    report.udp(udp.stop(500));
    report.sampler(sampler.stop(1000));
    report.udpDrops(UdpSocketDrops.of(dnsAddress.getPort()) - dropsBefore);
    out.printf(
        "load stopped after %.1f s (stopping took %.1f s)%n", seconds(started), seconds(stopping));

    // the stalled clients: wait (bounded) for the server's timeouts that must close them
    long limit =
        Math.max(DNS_TCP_IDLE.toNanos(), Durations.parse(s.smtpSessionTimeout()).toNanos())
            + TimeUnit.SECONDS.toNanos(15);
    while (!loris.allClosed(MUST_CLOSE) && System.nanoTime() - lorisOpened < limit) {
      Thread.sleep(250);
    }
    Map<SlowLoris.Kind, SlowLoris.KindResult> slow = loris.stop();
    report.slowLoris(slow);

    Set<String> names = new HashSet<>();
    smtp.acks().forEach(a -> names.addAll(a.names()));
    for (String anomaly : smtp.anomalies()) {
      report.fail("SMTP: " + anomaly);
    }
    return names;
  }

  /** After the load: healthy, and every acknowledged name in the store and in the zone. */
  private static void check(
      Settings s,
      ServeProcess server,
      ZoneClient dns,
      OperatorApi api,
      Set<String> acked,
      int preloaded,
      LoadReport.Builder report)
      throws Exception {
    if (!server.isAlive()) {
      return; // run() reports it
    }
    HttpResponse<String> health = api.get("/healthz");
    report.health(health.statusCode() + " " + health.body());
    if (health.statusCode() != 200) {
      report.fail("/healthz answered " + health.statusCode() + " " + health.body());
    }
    if (dns.soaSerial(Duration.ofSeconds(2)).isEmpty()) {
      report.fail("no SOA answer after the load");
    }
    // the coalescing window may still hold the last submissions: look again for a while
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Set<String> store = api.activeEntries();
    while (!store.containsAll(acked) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      store = api.activeEntries();
    }
    Set<String> notStored = new HashSet<>(acked);
    notStored.removeAll(store);
    ZoneView zone = dns.axfr();
    Set<String> inZone = zone.names(ORIGIN);
    Set<String> notInZone = new HashSet<>(acked);
    notInZone.removeAll(inZone);
    report.lost(acked.size(), notStored.size(), notInZone.size(), inZone.size(), store.size());
    if (!notStored.isEmpty()) {
      report.fail(notStored.size() + " acknowledged names not in the store: " + sample(notStored));
    }
    if (!notInZone.isEmpty()) {
      report.fail(notInZone.size() + " acknowledged names not in the AXFR: " + sample(notInZone));
    }
    if (inZone.size() < preloaded) {
      report.fail(
          "the zone has " + inZone.size() + " names, fewer than the " + preloaded + " preloaded");
    }
    if (!inZone.equals(store)) {
      report.fail(
          "the AXFR (" + inZone.size() + " names) differs from the store (" + store.size() + ")");
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static String sample(Set<String> names) {
    return names.stream().sorted().limit(5).toList().toString();
  }
}
