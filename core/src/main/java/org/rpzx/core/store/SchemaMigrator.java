package org.rpzx.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema: migration {@code n} is the resource {@code migrations/V<n>__*.sql}; the
 * database's {@code PRAGMA user_version} says which have run. Each migration runs in its own
 * transaction together with the version bump, so a crash leaves the schema at a whole version.
 * Versions are read from the file names, in increasing order; a number may be skipped (branches
 * reserve theirs), but a released store never has a migration inserted below its version.
 */
final class SchemaMigrator {

  /** Migrations in increasing version order. */
  private static final List<String> MIGRATIONS =
      List.of(
          "V1__initial.sql",
          "V2__consumers.sql",
          "V3__token_limits.sql",
          "V4__name_lists.sql",
          "V5__held_submissions.sql",
          "V6__reports.sql",
          "V7__privacy.sql",
          "V8__zone_image.sql",
          "V9__underived_submissions.sql");

  static final int LATEST_VERSION = version(MIGRATIONS.get(MIGRATIONS.size() - 1));

  /** The migrations in order (tests). */
  static List<String> migrations() {
    return MIGRATIONS;
  }

  private final Connection connection;

  SchemaMigrator(Connection connection) {
    this.connection = connection;
  }

  void migrate() throws SQLException {
    int current = currentVersion();
    if (current > LATEST_VERSION) {
      throw new SQLException(
          "store schema version "
              + current
              + " is newer than this rpzx understands ("
              + LATEST_VERSION
              + "); refusing to run an older rpzx on it");
    }
    int previous = 0;
    for (String migration : MIGRATIONS) {
      int v = version(migration);
      if (v <= previous) {
        throw new IllegalStateException("migrations out of order at " + migration);
      }
      previous = v;
      if (v > current) {
        apply(v, load(migration));
      }
    }
  }

  /** The version in a migration's file name: {@code V7__privacy.sql} is 7. */
  static int version(String migration) {
    int end = migration.indexOf("__");
    if (!migration.startsWith("V") || end < 2) {
      throw new IllegalStateException("migration name is not V<n>__<what>.sql: " + migration);
    }
    return Integer.parseInt(migration.substring(1, end));
  }

  int currentVersion() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private void apply(int version, String script) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      for (String sql : statements(script)) {
        st.executeUpdate(sql);
      }
      st.executeUpdate("PRAGMA user_version = " + version);
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw new SQLException("migration to schema version " + version + " failed", e);
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Splits a script at semicolons that end a line, dropping {@code --} comment lines. */
  static List<String> statements(String script) {
    StringBuilder clean = new StringBuilder();
    for (String line : script.split("\n")) {
      String t = line.strip();
      if (!t.startsWith("--")) {
        clean.append(line).append('\n');
      }
    }
    return java.util.Arrays.stream(clean.toString().split(";\\s*\n"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String load(String resource) {
    try (InputStream in = SchemaMigrator.class.getResourceAsStream("migrations/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + resource, e);
    }
  }
}
