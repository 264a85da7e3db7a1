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
 */
final class SchemaMigrator {

  /** Migrations in order; index i holds version i + 1. */
  private static final List<String> MIGRATIONS =
      List.of(
          "V1__initial.sql",
          "V2__consumers.sql",
          "V3__token_limits.sql",
          "V4__name_lists.sql",
          "V5__held_submissions.sql",
          "V6__reports.sql");

  static final int LATEST_VERSION = MIGRATIONS.size();

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
    for (int v = current + 1; v <= LATEST_VERSION; v++) {
      apply(v, load(MIGRATIONS.get(v - 1)));
    }
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
