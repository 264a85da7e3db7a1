package org.rpzx.bench.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rpzx.bench.BenchNames;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.lifecycle.LifecycleSettings;
import org.rpzx.core.lifecycle.ZoneLoader;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.name.TrancoList;
import org.rpzx.core.name.ValidationPolicy;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.core.submission.SenderAuthorizer;
import org.rpzx.core.submission.SenderIdentity;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionRequest;
import org.rpzx.core.submission.SubmissionService;
import org.rpzx.core.submission.ValidationRules;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSettings;

/**
 * The core half of {@link SmtpBulk} without SMTP: a store preloaded with {@code --preload} names
 * (as {@link BulkLoad} does), then {@code --repeat} submissions of {@code --bytes} of new synthetic
 * names through {@link SubmissionService#submit}, each timed from the call to its return (the
 * moment the SMTP edge would say {@code 250}). The service logs its own phases (validation, store,
 * publication). For profiling the ingest path with JFR:
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=ingest.jfr -cp benchmarks/target/benchmarks.jar \
 *   org.rpzx.bench.suite.IngestPhases --dir /tmp/ingest-db --preload 100000 --bytes 25000000
 * </pre>
 */
public final class IngestPhases {

  private IngestPhases() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    Path dir = Path.of(a.get("dir"));
    int preload = a.getInt("preload", 100_000);
    long target = a.getLong("bytes", 25_000_000L);
    int repeat = a.getInt("repeat", 1);
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve("rpzx.db"));
    Files.deleteIfExists(dir.resolve("rpzx.db-wal"));
    Files.deleteIfExists(dir.resolve("rpzx.db-shm"));
    Clock clock = Clock.systemUTC();
    try (Database db = Database.open(dir.resolve("rpzx.db"))) {
      Institution inst =
          done(new Directory(db, clock).addInstitution(BulkLoad.INSTITUTION), "institution");
      Set<String> loaded = BenchNames.realistic(preload, 1);
      long now = clock.millis();
      db.inTransaction(
          c -> {
            EntryStore.recordSubmission(
                c, loaded, inst.id(), now, now + Duration.ofDays(30).toMillis());
            EntryStore.markPublished(c, now);
            return null;
          });
      LifecycleSettings lifecycle = LifecycleSettings.defaults();
      PublishedZone zone = ZoneLoader.load(db, ZoneSettings.defaults(), lifecycle, clock);
      try (ZoneMaintainer maintainer = new ZoneMaintainer(db, zone, clock, lifecycle)) {
        maintainer.start();
        ValidationRules rules =
            new ValidationRules(db, ValidationPolicy.defaults(), TrancoList::bundled, clock);
        SubmissionService service =
            new SubmissionService(
                db,
                new SenderAuthorizer(db, clock, false),
                rules,
                maintainer,
                clock,
                lifecycle.entryLifetime(),
                Duration.ofSeconds(60));
        SenderIdentity who =
            new SenderIdentity(
                inst.id(), BulkLoad.INSTITUTION, "bench@bench.example", AuthMethod.FROM_HEADER);
        for (int r = 0; r < repeat; r++) {
          String text = domainsTxt(target, 2 + r);
          long lines = text.lines().count();
          long cpu0 = processCpuNanos();
          long t0 = System.nanoTime();
          SubmissionOutcome out =
              service.submit(
                  new SubmissionRequest(
                      who, "bench", null, List.of(new DomainsFile("domains.txt", text))));
          double s = (System.nanoTime() - t0) / 1e9;
          double cpu = (processCpuNanos() - cpu0) / 1e9;
          if (!(out instanceof SubmissionOutcome.Applied applied)) {
            throw new IllegalStateException("submission not applied: " + out);
          }
          Stats.out("ingest_lines", lines);
          Stats.out("ingest_accepted", applied.report().accepted());
          Stats.out("ingest_s", s);
          Stats.out("ingest_cpu_s", cpu);
          Stats.out("ingest_lines_per_s", lines / s);
        }
      }
    }
  }

  /** CPU time of the whole process (all threads, JIT and GC included): robust on a busy machine. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** New synthetic names, one per CRLF line, up to {@code target} bytes (as {@link SmtpBulk}). */
  static String domainsTxt(long target, long seed) {
    StringBuilder sb = new StringBuilder((int) target);
    List<String> names = new ArrayList<>(BenchNames.realistic((int) (target / 12), seed));
    for (String n : names) {
      if (sb.length() + n.length() + 2 > target) {
        break;
      }
      sb.append(n).append("\r\n");
    }
    return sb.toString();
  }

  private static <T> T done(Mutation<T> m, String what) {
    if (m instanceof Mutation.Done<T> d) {
      return d.value();
    }
    throw new IllegalStateException("cannot add the bench " + what + ": " + m);
  }
}
