package org.rpzx.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.directory.Sender;

/**
 * SQL for institutions and senders. Methods take the connection so callers compose transactions.
 */
public final class InstitutionStore {

  private static final String INSTITUTION_COLUMNS =
      "id, name, status, suspended_until, suspend_reason, require_smime, created_at";

  private InstitutionStore() {}

  public static Institution insert(Connection c, String name, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO institutions (name, created_at) VALUES (?, ?)")) {
      ps.setString(1, name);
      ps.setLong(2, now.toEpochMilli());
      ps.executeUpdate();
    }
    return byName(c, name).orElseThrow();
  }

  public static Optional<Institution> byName(Connection c, String name) throws SQLException {
    return one(c, "SELECT " + INSTITUTION_COLUMNS + " FROM institutions WHERE name = ?", name);
  }

  public static Optional<Institution> byId(Connection c, long id) throws SQLException {
    return one(c, "SELECT " + INSTITUTION_COLUMNS + " FROM institutions WHERE id = ?", id);
  }

  public static List<Institution> all(Connection c) throws SQLException {
    List<Institution> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + INSTITUTION_COLUMNS
                    + " FROM institutions ORDER BY name COLLATE NOCASE");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(institution(rs));
      }
    }
    return out;
  }

  /**
   * Suspends institution {@code id} until {@code until} (null: until resumed) with {@code reason};
   * a second call replaces the first.
   */
  public static void suspend(Connection c, long id, Instant until, String reason)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE institutions SET status = 'suspended', suspended_until = ?, suspend_reason = ?"
                + " WHERE id = ?")) {
      ps.setObject(1, until == null ? null : until.toEpochMilli());
      ps.setString(2, reason);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  /** Lifts any suspension of institution {@code id}, including one that has already run out. */
  public static void resume(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE institutions SET status = 'active', suspended_until = NULL,"
                + " suspend_reason = NULL WHERE id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  /** The senders of institution {@code id}, by address. */
  public static List<Sender> sendersOf(Connection c, long id) throws SQLException {
    List<Sender> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.email, s.institution_id, i.name, s.created_at FROM senders s"
                + " JOIN institutions i ON i.id = s.institution_id WHERE i.id = ?"
                + " ORDER BY s.email")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(sender(rs));
        }
      }
    }
    return out;
  }

  public static void insertSender(Connection c, String email, long institutionId, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO senders (email, institution_id, created_at) VALUES (?, ?, ?)")) {
      ps.setString(1, email);
      ps.setLong(2, institutionId);
      ps.setLong(3, now.toEpochMilli());
      ps.executeUpdate();
    }
  }

  public static void deleteSender(Connection c, String email) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM senders WHERE email = ?")) {
      ps.setString(1, email);
      ps.executeUpdate();
    }
  }

  public static Optional<Sender> sender(Connection c, String email) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.email, s.institution_id, i.name, s.created_at FROM senders s"
                + " JOIN institutions i ON i.id = s.institution_id WHERE s.email = ?")) {
      ps.setString(1, email);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(sender(rs)) : Optional.empty();
      }
    }
  }

  public static List<Sender> senders(Connection c) throws SQLException {
    List<Sender> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT s.email, s.institution_id, i.name, s.created_at FROM senders s"
                    + " JOIN institutions i ON i.id = s.institution_id ORDER BY i.name, s.email");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(sender(rs));
      }
    }
    return out;
  }

  private static Optional<Institution> one(Connection c, String sql, Object key)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(institution(rs)) : Optional.empty();
      }
    }
  }

  private static Institution institution(ResultSet rs) throws SQLException {
    long until = rs.getLong(4);
    Instant suspendedUntil = rs.wasNull() ? null : Instant.ofEpochMilli(until);
    int smime = rs.getInt(6);
    Boolean requireSmime = rs.wasNull() ? null : smime != 0;
    return new Institution(
        rs.getLong(1),
        rs.getString(2),
        "suspended".equals(rs.getString(3)),
        suspendedUntil,
        rs.getString(5),
        requireSmime,
        Instant.ofEpochMilli(rs.getLong(7)));
  }

  private static Sender sender(ResultSet rs) throws SQLException {
    return new Sender(
        rs.getString(1), rs.getLong(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
  }
}
