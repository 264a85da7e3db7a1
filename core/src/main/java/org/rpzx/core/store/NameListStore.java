package org.rpzx.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rpzx.core.lists.AllowlistEntry;
import org.rpzx.core.lists.Suppression;

/** SQL for the store's allowlist and suppressions, and what the zone holds of a name. */
public final class NameListStore {

  private NameListStore() {}

  /** The store's allowlist, by name. */
  public static List<AllowlistEntry> allowlist(Connection c) throws SQLException {
    List<AllowlistEntry> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT name, comment, added_by, created_at FROM allowlist ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new AllowlistEntry(
                rs.getString(1),
                AllowlistEntry.Source.STORE,
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4))));
      }
    }
    return out;
  }

  public static boolean isAllowlisted(Connection c, String name) throws SQLException {
    return exists(c, "SELECT 1 FROM allowlist WHERE name = ?", name);
  }

  public static void insertAllowlisted(Connection c, AllowlistEntry e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO allowlist (name, comment, added_by, created_at) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, e.name());
      ps.setString(2, e.comment());
      ps.setString(3, e.addedBy());
      ps.setLong(4, e.addedAt().toEpochMilli());
      ps.executeUpdate();
    }
  }

  /** Removes {@code name} from the allowlist; false if it was not on it. */
  public static boolean deleteAllowlisted(Connection c, String name) throws SQLException {
    return delete(c, "DELETE FROM allowlist WHERE name = ?", name);
  }

  /** Every suppression, expired ones included, by name. */
  public static List<Suppression> suppressions(Connection c) throws SQLException {
    List<Suppression> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT name, reason, until, added_by, created_at FROM suppressions ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(suppression(rs));
      }
    }
    return out;
  }

  public static Optional<Suppression> suppression(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT name, reason, until, added_by, created_at FROM suppressions WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(suppression(rs)) : Optional.empty();
      }
    }
  }

  /** Inserts {@code s}, replacing an earlier suppression of the same name. */
  public static void putSuppression(Connection c, Suppression s) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR REPLACE INTO suppressions (name, until, reason, created_at, added_by)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, s.name());
      if (s.until() == null) {
        ps.setNull(2, Types.INTEGER);
      } else {
        ps.setLong(2, s.until().toEpochMilli());
      }
      ps.setString(3, s.reason());
      ps.setLong(4, s.addedAt().toEpochMilli());
      ps.setString(5, s.addedBy());
      ps.executeUpdate();
    }
  }

  /** Removes the suppression of {@code name}; false if there was none. */
  public static boolean deleteSuppression(Connection c, String name) throws SQLException {
    return delete(c, "DELETE FROM suppressions WHERE name = ?", name);
  }

  /** Whether the published zone holds exactly {@code name}. */
  public static boolean inZone(Connection c, String name) throws SQLException {
    return exists(c, "SELECT 1 FROM entries WHERE name = ? AND in_zone = 1", name);
  }

  /** How many names the published zone holds that are {@code name} or below it. */
  public static long inZoneAtOrBelow(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*) FROM entries WHERE in_zone = 1"
                + " AND (name = ? OR name LIKE ? ESCAPE '\\')")) {
      ps.setString(1, name);
      ps.setString(2, "%." + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static Suppression suppression(ResultSet rs) throws SQLException {
    long until = rs.getLong(3);
    boolean forever = rs.wasNull();
    return new Suppression(
        rs.getString(1),
        rs.getString(2),
        forever ? null : Instant.ofEpochMilli(until),
        rs.getString(4),
        Instant.ofEpochMilli(rs.getLong(5)));
  }

  private static boolean exists(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static boolean delete(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      return ps.executeUpdate() > 0;
    }
  }
}
