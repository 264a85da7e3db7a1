package org.rpzx.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.store.EntryStore.EntryFilter;
import org.rpzx.core.store.EntryStore.EntryRow;
import org.rpzx.core.store.EntryStore.EntrySource;

/** The operator's entry queries: exact name, suffix, paging, and who submitted a name. */
class EntryStoreTest {

  @TempDir Path dir;

  private static final long T1 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  private static final long T2 = Instant.parse("2026-01-02T00:00:00Z").toEpochMilli();
  private static final long DAY30 = 30L * 24 * 3600 * 1000;

  private static List<String> names(List<EntryRow> rows) {
    return rows.stream().map(EntryRow::name).toList();
  }

  @Test
  void exactSuffixPagingAndSources() {
    try (Database db = Database.open(dir.resolve("rpzx.db"))) {
      Directory d = new Directory(db, java.time.Clock.systemUTC());
      d.addInstitution("Uni A");
      d.addInstitution("Uni B");
      long a = d.institution("Uni A").orElseThrow().id();
      long b = d.institution("Uni B").orElseThrow().id();
      List<String> all =
          List.of(
              "example.com",
              "a.example.com",
              "b.a.example.com",
              "badexample.com",
              "example.com.evil.net",
              "x_y.example.org",
              "xzy.example.org");
      db.inTransaction(
          c -> {
            EntryStore.recordSubmission(c, all, a, T1, T1 + DAY30);
            EntryStore.recordSubmission(c, List.of("a.example.com"), b, T2, T2 + DAY30);
            return null;
          });

      List<EntryRow> exact =
          db.read(c -> EntryStore.find(c, new EntryFilter("example.com", null, false, null, 10)));
      assertThat(names(exact)).containsExactly("example.com");
      List<EntryRow> under =
          db.read(c -> EntryStore.find(c, new EntryFilter(null, "example.com", false, null, 10)));
      assertThat(names(under))
          .as("at or under, not merely ending in the same characters")
          .containsExactly("a.example.com", "b.a.example.com", "example.com");
      assertThat(
              names(
                  db.read(
                      c ->
                          EntryStore.find(
                              c, new EntryFilter(null, "y.example.org", false, null, 9)))))
          .as("LIKE wildcards in the suffix are literal")
          .isEmpty();
      assertThat(
              names(db.read(c -> EntryStore.find(c, new EntryFilter(null, null, true, null, 10)))))
          .as("nothing is published yet")
          .isEmpty();

      List<String> paged = new java.util.ArrayList<>();
      String after = null;
      while (true) {
        String cursor = after;
        List<EntryRow> page =
            db.read(c -> EntryStore.find(c, new EntryFilter(null, null, false, cursor, 3)));
        if (page.isEmpty()) {
          break;
        }
        assertThat(page.size()).isLessThanOrEqualTo(3);
        paged.addAll(names(page));
        after = page.get(page.size() - 1).name();
      }
      assertThat(paged).isEqualTo(all.stream().sorted().toList());

      EntryRow row = db.read(c -> EntryStore.entry(c, "a.example.com")).orElseThrow();
      assertThat(row.firstSubmitted()).isEqualTo(Instant.ofEpochMilli(T1));
      assertThat(row.lastSubmitted()).isEqualTo(Instant.ofEpochMilli(T2));
      assertThat(row.expiresAt()).isEqualTo(Instant.ofEpochMilli(T2 + DAY30));
      List<EntrySource> sources = db.read(c -> EntryStore.sources(c, "a.example.com"));
      assertThat(sources)
          .containsExactly(
              new EntrySource("Uni A", Instant.ofEpochMilli(T1), Instant.ofEpochMilli(T1)),
              new EntrySource("Uni B", Instant.ofEpochMilli(T2), Instant.ofEpochMilli(T2)));
      java.util.Optional<EntryRow> none = db.read(c -> EntryStore.entry(c, "nowhere.example"));
      assertThat(none).isEmpty();
      List<EntrySource> noSources = db.read(c -> EntryStore.sources(c, "nowhere.example"));
      assertThat(noSources).isEmpty();
    }
  }
}
