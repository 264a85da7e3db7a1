package org.rpzx.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The set-based {@link EntryStore#recordSubmission} (JSON arrays through {@code json_each}, in
 * chunks) leaves {@code entries} and {@code entry_sources} exactly as the straightforward per-name
 * upserts it replaced: for any sequence of submissions, with names repeated within a submission,
 * across submissions and institutions, out-of-order times, and chunk boundaries anywhere.
 */
class EntryStoreUpsertPropertyTest {

  /** One submission: who, when, until when, which names (repeats allowed). */
  record Submission(long institution, long at, long expiresAt, List<String> names) {}

  @Property(tries = 60)
  void setBasedUpsertEqualsPerNameUpserts(
      @ForAll("submissions") List<Submission> submissions,
      @ForAll @IntRange(min = 1, max = 7) int chunk)
      throws SQLException {
    try (Connection setBased = freshStore();
        Connection perName = freshStore()) {
      for (Submission s : submissions) {
        EntryStore.recordSubmission(
            setBased, s.names(), s.institution(), s.at(), s.expiresAt(), chunk);
        referenceUpsert(perName, s);
      }
      assertThat(dump(setBased, "entries")).isEqualTo(dump(perName, "entries"));
      assertThat(dump(setBased, "entry_sources")).isEqualTo(dump(perName, "entry_sources"));
    }
  }

  @Provide
  Arbitrary<List<Submission>> submissions() {
    // a small alphabet makes names collide within and across submissions
    Arbitrary<String> name =
        Arbitraries.strings()
            .withChars("ab-")
            .ofMinLength(1)
            .ofMaxLength(3)
            .map(s -> s + ".example");
    Arbitrary<Submission> one =
        Combinators.combine(
                Arbitraries.longs().between(1, 3),
                Arbitraries.longs().between(0, 1_000),
                Arbitraries.longs().between(0, 2_000),
                name.list().ofMaxSize(25))
            .as(Submission::new);
    return one.list().ofMaxSize(6);
  }

  /** The upserts as they were before the set-based rewrite: two statements per name. */
  private static void referenceUpsert(Connection c, Submission s) throws SQLException {
    try (PreparedStatement entry =
            c.prepareStatement(
                "INSERT INTO entries (name, first_submitted, last_submitted, expires_at, in_zone)"
                    + " VALUES (?, ?, ?, ?, 0) ON CONFLICT (name) DO UPDATE SET"
                    + " last_submitted = MAX(last_submitted, excluded.last_submitted),"
                    + " expires_at = MAX(expires_at, excluded.expires_at)");
        PreparedStatement source =
            c.prepareStatement(
                "INSERT INTO entry_sources (name, institution_id, first_submitted, last_submitted)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (name, institution_id) DO UPDATE SET"
                    + " last_submitted = MAX(last_submitted, excluded.last_submitted)")) {
      for (String name : s.names()) {
        entry.setString(1, name);
        entry.setLong(2, s.at());
        entry.setLong(3, s.at());
        entry.setLong(4, s.expiresAt());
        entry.executeUpdate();
        source.setString(1, name);
        source.setLong(2, s.institution());
        source.setLong(3, s.at());
        source.setLong(4, s.at());
        source.executeUpdate();
      }
    }
  }

  private static Connection freshStore() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
    new SchemaMigrator(c).migrate();
    try (Statement st = c.createStatement()) {
      for (int id = 1; id <= 3; id++) {
        st.execute(
            "INSERT INTO institutions (id, name, created_at) VALUES ("
                + id
                + ", 'i"
                + id
                + "', 0)");
      }
    }
    return c;
  }

  private static List<String> dump(Connection c, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(rs.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
