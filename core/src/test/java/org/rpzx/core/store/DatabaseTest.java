package org.rpzx.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @TempDir Path dir;

  private static String pragma(Database db, String name) {
    return db.read(
        c -> {
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
          }
        });
  }

  @Test
  void opensWithWalFullSyncAndLatestSchema() {
    try (Database db = Database.open(dir.resolve("store.db"))) {
      assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(db, "synchronous")).isEqualTo("2"); // FULL
      assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
      assertThat(pragma(db, "user_version"))
          .isEqualTo(String.valueOf(SchemaMigrator.LATEST_VERSION));
    }
  }

  @Test
  void reopeningKeepsDataAndDoesNotRemigrate() {
    Path file = dir.resolve("store.db");
    try (Database db = Database.open(file)) {
      db.inTransaction(
          c ->
              c.createStatement()
                  .executeUpdate(
                      "INSERT INTO allowlist (name, comment, created_at) VALUES ('a.org', null, 1)"));
    }
    try (Database db = Database.open(file)) {
      assertThat(db.read(EntryStore::allowlist)).containsExactly("a.org");
    }
  }

  @Test
  void refusesASchemaNewerThanItKnows() {
    Path file = dir.resolve("store.db");
    try (Database db = Database.open(file)) {
      db.inTransaction(c -> c.createStatement().executeUpdate("PRAGMA user_version = 999"));
    }
    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("newer");
  }

  @Test
  void aFailingTransactionLeavesNothingBehind() {
    try (Database db = Database.open(dir.resolve("store.db"))) {
      assertThatThrownBy(
              () ->
                  db.inTransaction(
                      c -> {
                        try (PreparedStatement ps =
                            c.prepareStatement("INSERT INTO allowlist VALUES (?, null, 1)")) {
                          ps.setString(1, "first.org");
                          ps.executeUpdate();
                          ps.setString(1, "first.org"); // primary key violation
                          ps.executeUpdate();
                        }
                        return null;
                      }))
          .isInstanceOf(StoreException.class);
      assertThat(db.read(EntryStore::allowlist)).isEmpty();
    }
  }

  @Test
  void migrationScriptSplitsIntoStatements() {
    assertThat(
            SchemaMigrator.statements("-- c\nCREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n"))
        .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)");
  }
}
