package org.rpzx.dist.reliability;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * SPEC §10 under fire: runs the packaged {@code rpzx serve}, lets concurrent submitters (SMTP and
 * HTTP) send unique names, SIGKILLs the JVM at a random moment, and before and after each restart
 * checks that every acknowledged submission survived, the serial never went back, a consumer from
 * before the crash gets a correct IXFR, and no change set is half-applied.
 *
 * <p>Per trial, with the service down, the SQLite file must hold every acknowledged submission and
 * name, a serial at least the newest one a consumer saw, and {@code in_zone} flags that equal the
 * consumer's earlier view plus the journal rows up to the stored serial. After the restart, the
 * zone must contain every acknowledged name, equal the store's in-zone entries (API), and an IXFR
 * from the consumer's earlier serial applied to its view must equal a full AXFR.
 *
 * <p>Run: {@code mvn -pl dist -am verify -Dit.test=CrashSafetyIT -Drpzx.crash.trials=100 ...}, or
 * {@link #main} with the test class path. Settings are system properties {@code rpzx.crash.*}.
 */
public final class CrashHarness {

  static final String ORIGIN = "community.rpz.";
  static final String INSTITUTION = "Crash Test University";
  static final String SENDER = "cert@crash.example";
  static final String COMMUNITY = "blocklist@rpzx.test";

  /** How many trials, how much load, how long before the kill. */
  public record Settings(
      int trials,
      int smtpWorkers,
      int httpWorkers,
      long minDelayMillis,
      long maxDelayMillis,
      String coalesceWindow,
      long seed) {

    /** From {@code rpzx.crash.*} system properties (defaults: the CI run). */
    public static Settings fromSystemProperties() {
      return new Settings(
          Integer.getInteger("rpzx.crash.trials", 5),
          Integer.getInteger("rpzx.crash.smtp-workers", 2),
          Integer.getInteger("rpzx.crash.http-workers", 2),
          Long.getLong("rpzx.crash.min-delay-ms", 50),
          Long.getLong("rpzx.crash.max-delay-ms", 1500),
          System.getProperty("rpzx.crash.coalesce-window", "100ms"),
          Long.getLong("rpzx.crash.seed", System.nanoTime()));
    }
  }

  private final Settings settings;
  private final Path work;
  private final PrintStream out;
  private final Random random;
  private final List<SubmissionLoad.Ack> allAcks = new ArrayList<>();
  private final Set<String> allAckedNames = new HashSet<>();

  private Path config;
  private Path log;
  private Path dbFile;
  private ZoneClient dns;
  private OperatorApi api;
  private Submitter submitter;
  private ServeProcess server;
  private ZoneView view; // a consumer's latest verified copy of the zone
  private long highestSeen; // the newest serial any consumer was ever shown

  /**
   * Submissions of two or three names are applied directly (ADR 0012; one-name ones take the usual
   * path), so that kills also land between a direct submission's two transactions.
   */
  private static final List<String> SERVE_JVM_OPTIONS = List.of("-Drpzx.directApplyFrom=2");

  private CrashHarness(Settings settings, Path work, PrintStream out) {
    this.settings = settings;
    this.work = work;
    this.out = out;
    this.random = new Random(settings.seed());
  }

  /** Runs {@code settings.trials()} trials in {@code work}; never throws for a failed check. */
  public static CrashReport run(Settings settings, Path work, PrintStream out) throws Exception {
    return new CrashHarness(settings, work, out).runAll();
  }

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("rpzx-crash");
    CrashReport report = run(Settings.fromSystemProperties(), work, System.out);
    System.exit(report.ok() ? 0 : 1);
  }

  private CrashReport runAll() throws Exception {
    long started = System.nanoTime();
    out.printf(
        "crash harness: %d trials, %d SMTP + %d HTTP submitters, kill after %d-%d ms,"
            + " coalesce-window %s, seed %d, in %s%n",
        settings.trials(),
        settings.smtpWorkers(),
        settings.httpWorkers(),
        settings.minDelayMillis(),
        settings.maxDelayMillis(),
        settings.coalesceWindow(),
        settings.seed(),
        work);
    List<TrialResult> results = new ArrayList<>();
    Duration firstStart;
    try {
      firstStart = setUp();
      for (int t = 1; t <= settings.trials(); t++) {
        TrialResult r = trial(t);
        results.add(r);
        out.println(r.line());
        if (server == null) {
          break; // could not restart: nothing more to learn
        }
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
    CrashReport report =
        new CrashReport(
            settings.trials(),
            results,
            firstStart,
            Duration.ofNanos(System.nanoTime() - started),
            log);
    out.printf(
        "starts: %d from the zone image (%d of them with the journal since it), %d rebuilt from"
            + " the entries%n",
        logLines("loaded from its image"),
        logLines("brought to serial"),
        logLines("loaded: serial"));
    out.printf(
        "direct submissions: %d with their entry rows written while serving, %d starts wrote those"
            + " of submissions acknowledged before a kill%n",
        logLines("entry rows written"), logLines("submitted before the last stop"));
    out.println(report.summary());
    return report;
  }

  private Duration setUp() throws Exception {
    Path data = work.resolve("data");
    dbFile = data.resolve("rpzx.db");
    config = work.resolve("rpzx.yaml");
    log = work.resolve("serve.log");
    ServeProcess.Ports ports =
        ServeProcess.writeConfig(config, data, COMMUNITY, settings.coalesceWindow());
    dns = new ZoneClient(ORIGIN, new InetSocketAddress("127.0.0.1", ports.dns()));
    server = ServeProcess.start(config, log, dns, Duration.ofSeconds(60), SERVE_JVM_OPTIONS);
    api = new OperatorApi("http://127.0.0.1:" + ports.api(), data.resolve("operator.token"));
    String token = api.registerSubmitter(INSTITUTION, SENDER);
    submitter = new Submitter(ports.smtp(), SENDER, COMMUNITY, api.base(), token);
    view = dns.axfr();
    highestSeen = view.serial();
    return server.startup();
  }

  private TrialResult trial(int n) throws Exception {
    List<String> failures = new ArrayList<>();
    long delay =
        settings.minDelayMillis()
            + (long)
                (random.nextDouble() * (settings.maxDelayMillis() - settings.minDelayMillis()));
    long viewAt = (long) (random.nextDouble() * delay);

    SerialMonitor monitor = new SerialMonitor(dns, highestSeen);
    SubmissionLoad load =
        new SubmissionLoad(submitter, "t" + n, settings.smtpWorkers(), settings.httpWorkers());
    monitor.start();
    load.start();
    // a consumer transfers the zone at a random moment before the kill
    CompletableFuture<ZoneView> midView =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                Thread.sleep(viewAt);
                return dns.axfr();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(delay);
    server.kill();
    load.stop();
    monitor.stop();
    ZoneView consumer = view;
    try {
      consumer = midView.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the transfer was cut by the kill: the consumer keeps its previous copy
    }
    long seen = monitor.latest();
    if (ZoneView.newer(consumer.serial(), seen)) {
      seen = consumer.serial();
    }
    failures.addAll(monitor.regressions());
    failures.addAll(load.anomalies());
    List<SubmissionLoad.Ack> acks = load.acks();
    allAcks.addAll(acks);
    acks.forEach(a -> allAckedNames.addAll(a.names()));

    // the service is down: the store file as the kill left it
    StoreSnapshot snap = StoreSnapshot.read(dbFile);
    checkStore(snap, consumer, seen, failures);

    // restart and check what consumers and the operator see
    long restartMillis = -1;
    long firstSerial = -1;
    String ixfrKind = "-";
    int ixfrRecords = 0;
    int zoneNames = -1;
    try {
      server = ServeProcess.start(config, log, dns, Duration.ofSeconds(60), SERVE_JVM_OPTIONS);
    } catch (IOException e) {
      failures.add("restart failed: " + e.getMessage());
      server = null;
    }
    if (server != null) {
      restartMillis = server.startup().toMillis();
      firstSerial = server.firstSerial();
      try {
        if (!ZoneView.atLeast(firstSerial, snap.serial())) {
          failures.add("first serial after restart " + firstSerial + " < stored " + snap.serial());
        }
        ZoneView zone = awaitAcknowledgedInZone(failures);
        zone = zoneEqualsStore(zone, failures);
        if (!ZoneView.atLeast(zone.serial(), seen)) {
          failures.add("serial went back across the crash: " + seen + " -> " + zone.serial());
        }
        ZoneClient.IxfrOutcome ixfr = dns.ixfr(consumer);
        ixfrKind = ixfr.kind();
        ixfrRecords = ixfr.records();
        if (ixfr.result().serial() != zone.serial()
            || !ixfr.result().owners().equals(zone.owners())) {
          failures.add(
              "IXFR from "
                  + consumer.serial()
                  + " ("
                  + ixfr.kind()
                  + ") gives serial "
                  + ixfr.result().serial()
                  + " with "
                  + ixfr.result().owners().size()
                  + " owners; AXFR has "
                  + zone.serial()
                  + " with "
                  + zone.owners().size());
        }
        zoneNames = zone.owners().size() / 2;
        view = zone;
        highestSeen = zone.serial();
        if (n % 2 == 0) {
          cleanRestart(zone, failures);
        }
      } catch (Exception e) {
        failures.add("after restart: " + e);
      }
      if (!server.isAlive()) {
        failures.add("the service died after the restart:\n" + server.logTail());
        server = null;
      }
    }
    int smtp = (int) acks.stream().filter(a -> a.channel().equals("smtp")).count();
    return new TrialResult(
        n,
        delay,
        smtp,
        acks.size() - smtp,
        load.temporaryFailures(),
        load.unanswered(),
        seen,
        snap.serial(),
        restartMillis,
        firstSerial,
        ixfrKind,
        ixfrRecords,
        zoneNames,
        failures);
  }

  /**
   * Every second trial also stops the service cleanly and starts it again: the zone comes back from
   * the image the stop saved (ADR 0011), the same serial and names, and the later trials' kills
   * then leave an image behind that their restarts must not take for the zone.
   */
  private void cleanRestart(ZoneView before, List<String> failures) throws Exception {
    long imageLoads = imageLoads();
    server.close();
    server = ServeProcess.start(config, log, dns, Duration.ofSeconds(60), SERVE_JVM_OPTIONS);
    ZoneView after = dns.axfr();
    if (!after.equals(before)) {
      failures.add(
          "a clean restart changed the zone: serial "
              + before.serial()
              + " with "
              + before.owners().size()
              + " owners, then "
              + after.serial()
              + " with "
              + after.owners().size());
    }
    if (imageLoads() != imageLoads + 1) {
      failures.add("the start after a clean stop did not take the zone image back");
    }
  }

  private long imageLoads() throws IOException {
    return logLines("loaded from its image");
  }

  /** Lines of the service's log (all its starts so far) that contain {@code text}. */
  private long logLines(String text) throws IOException {
    try (var lines = Files.lines(log)) {
      return lines.filter(l -> l.contains(text)).count();
    }
  }

  /** With the service down: nothing acknowledged lost, serial not behind, no half change set. */
  private void checkStore(StoreSnapshot snap, ZoneView consumer, long seen, List<String> failures) {
    long missingIds = allAcks.stream().filter(a -> !snap.submissionIds().contains(a.id())).count();
    if (missingIds > 0) {
      failures.add(missingIds + " acknowledged submissions missing from the store");
    }
    Set<String> missing = new HashSet<>(allAckedNames);
    missing.removeAll(snap.allNames());
    if (!missing.isEmpty()) {
      failures.add(
          missing.size() + " acknowledged names missing from the store: " + sample(missing));
    }
    if (!ZoneView.atLeast(snap.serial(), seen)) {
      failures.add("stored serial " + snap.serial() + " behind the served " + seen);
    }
    Set<String> replayed = snap.replayFrom(consumer.serial(), consumer.names(ORIGIN));
    if (replayed == null) {
      failures.add("journal does not reach back to the consumer's serial " + consumer.serial());
    } else if (!replayed.equals(snap.inZone())) {
      Set<String> extra = new HashSet<>(snap.inZone());
      extra.removeAll(replayed);
      Set<String> lacking = new HashSet<>(replayed);
      lacking.removeAll(snap.inZone());
      failures.add(
          "half-applied: in_zone flags differ from journal at serial "
              + snap.serial()
              + " (flagged but not journaled "
              + sample(extra)
              + ", journaled but not flagged "
              + sample(lacking)
              + ")");
    }
  }

  /** Waits (bounded) until an AXFR holds every name ever acknowledged; returns that AXFR. */
  private ZoneView awaitAcknowledgedInZone(List<String> failures) throws Exception {
    Set<String> expected = ZoneView.ownersOf(allAckedNames, ORIGIN);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    ZoneView zone = dns.axfr();
    while (!zone.owners().containsAll(expected) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      zone = dns.axfr();
    }
    if (!zone.owners().containsAll(expected)) {
      Set<String> missing = new HashSet<>(expected);
      missing.removeAll(zone.owners());
      failures.add(missing.size() / 2 + " acknowledged names not in the zone: " + sample(missing));
    }
    return zone;
  }

  /**
   * The zone equals the store's in-zone entries: AXFR, the API's entry list, then SOA again; a
   * publication in between (the restart publishes what was pending) means: look again.
   */
  private ZoneView zoneEqualsStore(ZoneView zone, List<String> failures) throws Exception {
    for (int attempt = 0; attempt < 10; attempt++) {
      Set<String> active = api.activeEntries();
      long soa = dns.soaSerial(Duration.ofSeconds(2)).orElse(-1);
      if (soa == zone.serial() && ZoneView.ownersOf(active, ORIGIN).equals(zone.owners())) {
        return zone;
      }
      Thread.sleep(200);
      zone = dns.axfr();
    }
    failures.add(
        "zone (serial "
            + zone.serial()
            + ", "
            + zone.owners().size() / 2
            + " names)"
            + " differs from the store's in-zone entries "
            + api.activeEntries().size());
    return zone;
  }

  private static String sample(Set<String> names) {
    return names.stream().sorted().limit(5).toList().toString();
  }
}
