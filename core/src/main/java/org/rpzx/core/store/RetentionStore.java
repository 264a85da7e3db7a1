package org.rpzx.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL that deletes records past their retention (SPEC §7), a bounded batch per call so that each
 * batch is a short transaction and submissions are not held up behind one long delete.
 */
public final class RetentionStore {

  private RetentionStore() {}

  /**
   * Deletes up to {@code limit} submissions received before {@code cutoff}, oldest first, with
   * their per-line results and raw messages; returns how many submissions went.
   */
  public static int deleteSubmissions(Connection c, long cutoff, int limit) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM submissions WHERE received_at < ? ORDER BY received_at, id LIMIT ?")) {
      ps.setLong(1, cutoff);
      ps.setInt(2, limit);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    // explicit rather than through ON DELETE CASCADE: correct whatever the foreign_keys pragma
    try (PreparedStatement lines =
            c.prepareStatement("DELETE FROM submission_rejections WHERE submission_id = ?");
        PreparedStatement raw =
            c.prepareStatement("DELETE FROM raw_messages WHERE submission_id = ?");
        PreparedStatement submission = c.prepareStatement("DELETE FROM submissions WHERE id = ?")) {
      for (long id : ids) {
        lines.setLong(1, id);
        lines.executeUpdate();
        raw.setLong(1, id);
        raw.executeUpdate();
        submission.setLong(1, id);
        submission.executeUpdate();
      }
    }
    return ids.size();
  }

  /** Deletes up to {@code limit} raw messages received before {@code cutoff}. */
  public static int deleteRawMessages(Connection c, long cutoff, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM raw_messages WHERE submission_id IN (SELECT submission_id FROM"
                + " raw_messages WHERE received_at < ? ORDER BY received_at LIMIT ?)")) {
      ps.setLong(1, cutoff);
      ps.setInt(2, limit);
      return ps.executeUpdate();
    }
  }

  /**
   * Deletes up to {@code limit} links between an entry and a submitting institution whose latest
   * submission was before {@code cutoff}, when the entry has also expired by {@code now}: the link
   * is kept for as long as the entry is processed (SPEC §4), not longer than the submissions.
   */
  public static int deleteExpiredSources(Connection c, long cutoff, long now, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM entry_sources WHERE (name, institution_id) IN"
                + " (SELECT s.name, s.institution_id FROM entry_sources s"
                + " JOIN entries e ON e.name = s.name"
                + " WHERE s.last_submitted < ? AND e.expires_at <= ? AND e.in_zone = 0 LIMIT ?)")) {
      ps.setLong(1, cutoff);
      ps.setLong(2, now);
      ps.setInt(3, limit);
      return ps.executeUpdate();
    }
  }

  /** Deletes up to {@code limit} audit records from before {@code cutoff}. */
  public static int deleteAuditRecords(Connection c, long cutoff, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < ?"
                + " ORDER BY at LIMIT ?)")) {
      ps.setLong(1, cutoff);
      ps.setInt(2, limit);
      return ps.executeUpdate();
    }
  }
}
