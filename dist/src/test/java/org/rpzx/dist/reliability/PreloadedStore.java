package org.rpzx.dist.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;

/**
 * Fills a fresh data directory before {@code rpzx serve} starts, as the bench suite's {@code
 * BulkLoad} does (that class lives in the benchmarks module, which dist cannot depend on): one
 * institution with one authorized sender, and {@code count} synthetic names stored as submitted by
 * it and already published, in one transaction through core's {@link EntryStore}. The service
 * builds its zone from them on start, so a million names cost no million-name change set.
 */
final class PreloadedStore {

  private static final String[] SUFFIXES = {
    "com", "com", "com", "com", "net", "org", "xyz", "top", "ru", "info", "online", "site", "shop"
  };
  private static final String[] HOSTS = {"www", "login", "secure", "cdn", "mail", "account"};

  private PreloadedStore() {}

  /** Writes {@code rpzx.db} in {@code dataDir}; returns how many names it holds. */
  static int fill(Path dataDir, String institution, String sender, int count, long seed)
      throws Exception {
    Set<String> names = names(count, seed);
    Files.createDirectories(dataDir);
    Clock clock = Clock.systemUTC();
    try (Database db = Database.open(dataDir.resolve("rpzx.db"))) {
      Directory directory = new Directory(db, clock);
      Institution inst = done(directory.addInstitution(institution));
      done(directory.addSender(sender, institution));
      long now = clock.millis();
      long expires = now + Duration.ofDays(30).toMillis();
      db.inTransaction(
          c -> {
            EntryStore.recordSubmission(c, names, inst.id(), now, expires);
            EntryStore.markPublished(c, now);
            return null;
          });
    }
    return names.size();
  }

  /**
   * {@code count} distinct names: three in four {@code label.suffix}, the rest {@code
   * host.label.suffix}; labels of 5 to 14 letters. Under {@code .preload.} nothing else uses.
   */
  static Set<String> names(int count, long seed) {
    Random r = new Random(seed);
    Set<String> out = new HashSet<>(count * 2);
    StringBuilder b = new StringBuilder(40);
    while (out.size() < count) {
      b.setLength(0);
      if (r.nextInt(4) == 0) {
        b.append(HOSTS[r.nextInt(HOSTS.length)]).append('.');
      }
      int len = 5 + r.nextInt(10);
      for (int i = 0; i < len; i++) {
        b.append((char) ('a' + r.nextInt(26)));
      }
      b.append(".preload.").append(SUFFIXES[r.nextInt(SUFFIXES.length)]);
      out.add(b.toString());
    }
    return out;
  }

  private static <T> T done(Mutation<T> m) {
    if (m instanceof Mutation.Done<T> d) {
      return d.value();
    }
    throw new IllegalStateException("cannot preload the store: " + m);
  }
}
