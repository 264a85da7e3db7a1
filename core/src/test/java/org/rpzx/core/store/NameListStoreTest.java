package org.rpzx.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.lists.AllowlistEntry;
import org.rpzx.core.lists.Suppression;

class NameListStoreTest {

  @TempDir Path dir;

  private static String script(String name) throws Exception {
    try (InputStream in = SchemaMigrator.class.getResourceAsStream("migrations/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void version4KeepsTheRowsOfAVersion3Store() throws Exception {
    Path file = dir.resolve("v3.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      for (String m :
          new String[] {"V1__initial.sql", "V2__consumers.sql", "V3__token_limits.sql"}) {
        for (String sql : SchemaMigrator.statements(script(m))) {
          st.executeUpdate(sql);
        }
      }
      st.executeUpdate("INSERT INTO suppressions VALUES ('fp.example', 5000, 'confirmed', 1000)");
      st.executeUpdate("INSERT INTO allowlist VALUES ('own.example', 'ours', 2000)");
      st.executeUpdate("PRAGMA user_version = 3");
    }

    try (Database db = Database.open(file)) {
      assertThat(db.read(NameListStore::suppressions))
          .containsExactly(
              new Suppression(
                  "fp.example",
                  "confirmed",
                  Instant.ofEpochMilli(5000),
                  null,
                  Instant.ofEpochMilli(1000)));
      assertThat(db.read(NameListStore::allowlist))
          .containsExactly(
              new AllowlistEntry(
                  "own.example",
                  AllowlistEntry.Source.STORE,
                  "ours",
                  null,
                  Instant.ofEpochMilli(2000)));
      assertThat(db.<Boolean>read(c -> EntryStore.isSuppressed(c, "fp.example", 4999))).isTrue();
      assertThat(db.<Boolean>read(c -> EntryStore.isSuppressed(c, "fp.example", 5000))).isFalse();
    }
  }

  @Test
  void aSuppressionWithoutExpiryLastsAndReplacesAnEarlierOne() {
    try (Database db = Database.open(dir.resolve("store.db"))) {
      Instant at = Instant.ofEpochMilli(10);
      db.inTransaction(
          c -> {
            NameListStore.putSuppression(
                c, new Suppression("a.example", "first", Instant.ofEpochMilli(20), "op", at));
            NameListStore.putSuppression(c, new Suppression("a.example", "second", null, "op", at));
            return null;
          });
      assertThat(db.read(NameListStore::suppressions))
          .containsExactly(new Suppression("a.example", "second", null, "op", at));
      assertThat(db.<Boolean>read(c -> EntryStore.isSuppressed(c, "a.example", Long.MAX_VALUE - 1)))
          .isTrue();
      assertThat(db.<Boolean>inTransaction(c -> NameListStore.deleteSuppression(c, "a.example")))
          .isTrue();
      assertThat(db.<Boolean>inTransaction(c -> NameListStore.deleteSuppression(c, "a.example")))
          .isFalse();
    }
  }
}
