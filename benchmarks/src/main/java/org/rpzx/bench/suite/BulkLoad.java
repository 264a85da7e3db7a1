package org.rpzx.bench.suite;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.rpzx.bench.BenchNames;
import org.rpzx.core.consumer.ConsumerRegistry;
import org.rpzx.core.consumer.ConsumerRequest;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;

/**
 * Fills a fresh rpzx data directory before {@code rpzx serve} starts: an institution with one
 * authorized sender, one consumer whose NOTIFY targets are the suite's listeners, and {@code
 * --names N} synthetic names stored as submitted and already published (in one transaction through
 * core's {@link EntryStore}, so no million-name change set lands in the journal). Writes the same
 * names as an RPZ zone file ({@code NAME CNAME .} and {@code *.NAME CNAME .}) for the peers.
 */
public final class BulkLoad {

  static final String INSTITUTION = "Bench";

  private BulkLoad() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    Path dataDir = Path.of(a.get("data-dir"));
    int count = a.getInt("names", 1000);
    String origin = DnsWire.absolute(a.zone());
    long started = System.nanoTime();
    Set<String> names = BenchNames.realistic(count, a.getLong("seed", 1));
    long generated = System.nanoTime();
    Files.createDirectories(dataDir);
    Clock clock = Clock.systemUTC();
    try (Database db = Database.open(dataDir.resolve("rpzx.db"))) {
      Directory directory = new Directory(db, clock);
      Institution inst = done(directory.addInstitution(INSTITUTION), "institution");
      done(directory.addSender(a.get("sender"), INSTITUTION), "sender");
      String notify = a.get("notify", "");
      if (!notify.isEmpty()) {
        done(
            new ConsumerRegistry(db, clock)
                .add(
                    new ConsumerRequest(
                        "bench",
                        INSTITUTION,
                        null,
                        null,
                        List.of("127.0.0.0/8"),
                        Arrays.asList(notify.split(",")))),
            "consumer");
      }
      long now = clock.millis();
      long expires = now + Duration.ofDays(30).toMillis();
      db.inTransaction(
          c -> {
            EntryStore.recordSubmission(c, names, inst.id(), now, expires);
            EntryStore.markPublished(c, now);
            return null;
          });
    }
    long stored = System.nanoTime();
    writeZoneFile(Path.of(a.get("zone-file")), origin, names);
    Stats.out("load_names", names.size());
    Stats.out("load_generate_s", (generated - started) / 1e9);
    Stats.out("load_store_s", (stored - generated) / 1e9);
    Stats.out("load_zonefile_s", (System.nanoTime() - stored) / 1e9);
  }

  /** The zone as a file for BIND, Knot and NSD: rpzx's SOA and NS, then both RRs of each name. */
  static void writeZoneFile(Path file, String origin, Set<String> names) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      w.write("$ORIGIN " + origin + "\n$TTL 60\n");
      w.write("@ IN SOA localhost. hostmaster." + origin + " 1 300 60 1209600 60\n");
      w.write("@ IN NS localhost.\n");
      for (String n : names) {
        w.write(n);
        w.write(" CNAME .\n*.");
        w.write(n);
        w.write(" CNAME .\n");
      }
    }
  }

  private static <T> T done(Mutation<T> m, String what) {
    if (m instanceof Mutation.Done<T> d) {
      return d.value();
    }
    throw new IllegalStateException("cannot add the bench " + what + ": " + m);
  }
}
