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
    return single(db, "PRAGMA " + name);
  }

  /** The first column of the first row of {@code sql}. */
  private static String single(Database db, String sql) {
    return db.read(
        c -> {
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery(sql)) {
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

  /**
   * A commit does not copy its pages back into the database file (no automatic checkpoint on the
   * write connection); the background checkpointer does, soon after.
   */
  @Test
  void checkpointsRunOffTheCommitPath() throws Exception {
    Path file = dir.resolve("store.db");
    try (Database db = Database.open(file)) {
      String autoCheckpoint =
          db.inTransaction(
              c -> {
                try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA wal_autocheckpoint")) {
                  rs.next();
                  return rs.getString(1);
                }
              });
      assertThat(autoCheckpoint).isEqualTo("0");
      long before = java.nio.file.Files.size(file);
      byte[] blob = new byte[8 << 20];
      new java.util.Random(1).nextBytes(blob);
      db.inTransaction(
          c -> {
            c.createStatement().executeUpdate("CREATE TABLE bulk (b BLOB)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bulk (b) VALUES (?)")) {
              ps.setBytes(1, blob);
              ps.executeUpdate();
            }
            return null;
          });
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
      while (java.nio.file.Files.size(file) < before + blob.length
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(java.nio.file.Files.size(file))
          .as("the checkpointer copied the committed pages into the database file")
          .isGreaterThanOrEqualTo(before + blob.length);
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
                            c.prepareStatement(
                                "INSERT INTO allowlist (name, comment, created_at)"
                                    + " VALUES (?, null, 1)")) {
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

  private static void allow(java.sql.Connection c, String name, String verb)
      throws java.sql.SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            verb + " INTO allowlist (name, comment, created_at) VALUES (?, null, 1)")) {
      ps.setString(1, name);
      ps.executeUpdate();
    }
  }

  @Test
  void aTransactionSqliteRolledBackItselfReportsSqlitesErrorAndLaterOnesStayAtomic() {
    try (Database db = Database.open(dir.resolve("store.db"))) {
      // OR ROLLBACK: SQLite ends the whole transaction itself, as it may on disk full or I/O error
      assertThatThrownBy(
              () ->
                  db.inTransaction(
                      c -> {
                        allow(c, "first.org", "INSERT");
                        allow(c, "first.org", "INSERT OR ROLLBACK");
                        return null;
                      }))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("UNIQUE")
          .hasMessageNotContaining("no transaction is active");
      assertThat(db.read(EntryStore::allowlist)).isEmpty();

      // the next transaction is a real one again: all or nothing
      assertThatThrownBy(
              () ->
                  db.inTransaction(
                      c -> {
                        allow(c, "second.org", "INSERT");
                        throw new IllegalStateException("policy says no");
                      }))
          .isInstanceOf(IllegalStateException.class);
      assertThat(db.read(EntryStore::allowlist)).isEmpty();

      db.inTransaction(
          c -> {
            allow(c, "third.org", "INSERT");
            return null;
          });
      assertThat(db.read(EntryStore::allowlist)).containsExactly("third.org");
    }
  }

  @Test
  void aFullStoreFailsTheWholeWriteKeepsServingReadsAndTakesTheNextWrite() {
    try (Database db = Database.open(dir.resolve("store.db"))) {
      db.inTransaction(
          c -> {
            allow(c, "kept.org", "INSERT");
            return null;
          });
      // a store that cannot grow: SQLITE_FULL, as on a full disk
      db.inTransaction(
          c -> {
            try (Statement st = c.createStatement()) {
              st.execute("PRAGMA max_page_count = " + pragmaValue(c, "page_count"));
            }
            return null;
          });
      assertThatThrownBy(
              () ->
                  db.inTransaction(
                      c -> {
                        for (int i = 0; i < 2000; i++) {
                          allow(c, i + "-" + "x".repeat(200) + ".org", "INSERT");
                        }
                        return null;
                      }))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("full");
      assertThat(db.read(EntryStore::allowlist)).containsExactly("kept.org");

      db.inTransaction(
          c -> {
            allow(c, "after.org", "INSERT");
            return null;
          });
      assertThat(db.read(EntryStore::allowlist)).containsExactlyInAnyOrder("kept.org", "after.org");
    }
  }

  private static String pragmaValue(java.sql.Connection c, String name)
      throws java.sql.SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aClosedStoreRefusesWritesInsteadOfReconnecting() {
    Database db = Database.open(dir.resolve("store.db"));
    db.close();
    assertThatThrownBy(() -> db.inTransaction(c -> null))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> db.read(c -> null)).isInstanceOf(StoreException.class);
  }

  @Test
  void migrationScriptSplitsIntoStatements() {
    assertThat(
            SchemaMigrator.statements("-- c\nCREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n"))
        .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)");
  }

  @Test
  void owedWorkOpensTheNextWriteAndAFailureOfItFailsThatWriteWhole() {
    try (Database db = Database.open(dir.resolve("store.db"))) {
      db.inTransaction(
          c -> {
            try (Statement st = c.createStatement()) {
              st.executeUpdate("CREATE TABLE t (v TEXT)");
              return st.executeUpdate("CREATE TABLE owed_runs (n INTEGER)");
            }
          });
      boolean[] fail = {true};
      db.owe(
          c -> {
            if (fail[0]) {
              throw new java.sql.SQLException("disk I/O error");
            }
            try (Statement st = c.createStatement()) {
              return st.executeUpdate("INSERT INTO owed_runs VALUES (1)");
            }
          });
      SqlWork<Integer> write =
          c -> {
            try (Statement st = c.createStatement()) {
              return st.executeUpdate("INSERT INTO t VALUES ('later')");
            }
          };

      assertThatThrownBy(() -> db.inTransaction(write)).hasMessageContaining("disk I/O error");
      assertThat(count(db, "t")).as("the later write is not committed either").isZero();

      fail[0] = false;
      db.inTransaction(write);
      db.inTransaction(write);

      assertThat(count(db, "owed_runs")).as("once, before the first write that commits").isOne();
      assertThat(count(db, "t")).isEqualTo(2);
    }
  }

  private static long count(Database db, String table) {
    return Long.parseLong(single(db, "SELECT COUNT(*) FROM " + table));
  }
}
