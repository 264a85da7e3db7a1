package org.rpzx.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SQL for community governance (SPEC §8): institutions' zone contacts (participation), their
 * submission history (plausibility guard), quality counts and the purge of an institution's
 * entries. Callers compose transactions.
 */
public final class GovernanceStore {

  /**
   * The consumers an institution has and the latest SOA check or transfer by any of them.
   *
   * @param consumers registered consumers
   * @param lastContact latest contact by any of them; null: never
   */
  public record ZoneContact(int consumers, Instant lastContact) {
    public static final ZoneContact NONE = new ZoneContact(0, null);
  }

  /**
   * An institution's applied submissions so far.
   *
   * @param submissions how many
   * @param largestLines the most lines carrying a name (accepted + rejected) in one of them
   */
  public record History(int submissions, int largestLines) {}

  /** Totals over an institution's submissions received in a window. */
  public record QualityCounts(
      int submissions,
      int held,
      int discarded,
      long accepted,
      long rejected,
      long skipped,
      Map<String, Long> rejectedByReason) {}

  private GovernanceStore() {}

  /** Every institution that has consumers, by id. */
  public static Map<Long, ZoneContact> zoneContacts(Connection c) throws SQLException {
    Map<Long, ZoneContact> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(contactSql(false));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getLong(1), contact(rs));
      }
    }
    return out;
  }

  /** The zone contact of one institution ({@link ZoneContact#NONE} without consumers). */
  public static ZoneContact zoneContact(Connection c, long institutionId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(contactSql(true))) {
      ps.setLong(1, institutionId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? contact(rs) : ZoneContact.NONE;
      }
    }
  }

  private static String contactSql(boolean one) {
    // 0 stands for "never" inside MAX (SQLite's scalar MAX is NULL if any argument is)
    return "SELECT c.institution_id, COUNT(*), NULLIF(MAX(MAX(COALESCE(t.soa_checked_at, 0),"
        + " COALESCE(t.transfer_at, 0))), 0) FROM consumers c"
        + " LEFT JOIN consumer_transfers t ON t.consumer_id = c.id"
        + (one ? " WHERE c.institution_id = ?" : "")
        + " GROUP BY c.institution_id";
  }

  private static ZoneContact contact(ResultSet rs) throws SQLException {
    int consumers = rs.getInt(2);
    long last = rs.getLong(3);
    return new ZoneContact(consumers, rs.wasNull() ? null : Instant.ofEpochMilli(last));
  }

  /** The applied submissions of an institution (held and discarded ones do not count). */
  public static History history(Connection c, long institutionId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*), COALESCE(MAX(accepted + rejected), 0) FROM submissions"
                + " WHERE institution_id = ? AND status = 'applied'")) {
      ps.setLong(1, institutionId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new History(rs.getInt(1), rs.getInt(2));
      }
    }
  }

  /** Totals of the submissions received from {@code since} to {@code until}, both included. */
  public static QualityCounts quality(Connection c, long institutionId, long since, long until)
      throws SQLException {
    Map<String, Long> byReason = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.reason, COUNT(*) FROM submission_rejections r"
                + " JOIN submissions s ON s.id = r.submission_id"
                + " WHERE s.institution_id = ? AND s.received_at BETWEEN ? AND ?"
                + " GROUP BY r.reason ORDER BY r.reason")) {
      bind(ps, institutionId, since, until);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byReason.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*), COALESCE(SUM(status = 'held'), 0),"
                + " COALESCE(SUM(status = 'discarded'), 0), COALESCE(SUM(accepted), 0),"
                + " COALESCE(SUM(rejected), 0), COALESCE(SUM(skipped), 0) FROM submissions"
                + " WHERE institution_id = ? AND received_at BETWEEN ? AND ?")) {
      bind(ps, institutionId, since, until);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new QualityCounts(
            rs.getInt(1),
            rs.getInt(2),
            rs.getInt(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getLong(6),
            byReason);
      }
    }
  }

  private static void bind(PreparedStatement ps, long institutionId, long since, long until)
      throws SQLException {
    ps.setLong(1, institutionId);
    ps.setLong(2, since);
    ps.setLong(3, until);
  }

  /**
   * Removes institution {@code institutionId}'s part in every entry: its source rows go, and each
   * entry it supports expires at what the remaining sources give it (their latest submission plus
   * {@code lifetimeMillis}, never later than it already does), or at {@code now} when no other
   * institution (nor the operator) supports it any more. The zone maintainer's next change set
   * takes the expired ones out. Returns how many entries that were active at {@code now} no longer
   * are.
   */
  public static int purgeInstitution(
      Connection c, long institutionId, long now, long lifetimeMillis) throws SQLException {
    Map<String, Long> newExpiry = new LinkedHashMap<>();
    int purged = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.name, e.expires_at, (SELECT MAX(o.last_submitted) FROM entry_sources o"
                + " WHERE o.name = s.name AND o.institution_id <> s.institution_id),"
                + " (SELECT p.last_added FROM operator_entries p WHERE p.name = s.name)"
                + " FROM entry_sources s JOIN entries e ON e.name = s.name"
                + " WHERE s.institution_id = ?")) {
      ps.setLong(1, institutionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long expires = rs.getLong(2);
          // the other institutions' and the operator's latest support (an operator's entry, too,
          // keeps a name: `rpzx entries add` has no institution behind it)
          long others = rs.getLong(3);
          boolean noOthers = rs.wasNull();
          long operator = rs.getLong(4);
          boolean noOperator = rs.wasNull();
          long latest = noOthers ? operator : noOperator ? others : Math.max(others, operator);
          long remaining = noOthers && noOperator ? now : latest + lifetimeMillis;
          long next = Math.min(expires, remaining);
          if (next != expires) {
            newExpiry.put(rs.getString(1), next);
          }
          if (expires > now && next <= now) {
            purged++;
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE entries SET expires_at = ? WHERE name = ?")) {
      for (Map.Entry<String, Long> e : newExpiry.entrySet()) {
        ps.setLong(1, e.getValue());
        ps.setString(2, e.getKey());
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM entry_sources WHERE institution_id = ?")) {
      ps.setLong(1, institutionId);
      ps.executeUpdate();
    }
    return purged;
  }
}
