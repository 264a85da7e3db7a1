package org.rpzx.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Submissions applied to the zone before their entry rows were written (ADR 0012). A large
 * submission commits its row (with its accepted names), the zone's new serial and journal change
 * set and a row here in one transaction, and is acknowledged; its rows in {@code entries} and
 * {@code entry_sources} are derived from the stored names in a second transaction, which also
 * removes the row here. A start derives whatever is left before it loads the zone, so that the
 * entries are the source of truth again before anything reads them.
 */
public final class UnderivedSubmissions {

  /**
   * A submission whose entry rows are still to be written.
   *
   * @param expiresAt the expiry its names get: {@code submittedAt} plus the entry lifetime then
   */
  public record Underived(
      long submissionId, long institutionId, long submittedAt, long expiresAt) {}

  private UnderivedSubmissions() {}

  /** Records, in the submission's own transaction, that its entry rows are still to be written. */
  public static void add(Connection c, Underived u) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO underived_submissions"
                + " (submission_id, institution_id, submitted_at, expires_at) VALUES (?, ?, ?, ?)")) {
      ps.setLong(1, u.submissionId());
      ps.setLong(2, u.institutionId());
      ps.setLong(3, u.submittedAt());
      ps.setLong(4, u.expiresAt());
      ps.executeUpdate();
    }
  }

  /**
   * Writes {@code u}'s entry rows from {@code sortedNames} (its accepted names in {@link
   * EntryStore#sortedForStore} order), flagged {@code in_zone} because its publication already put
   * them in the zone, and removes its row here. Upserts: deriving twice gives the same rows.
   */
  public static void derive(Connection c, Underived u, String[] sortedNames) throws SQLException {
    EntryStore.recordPublishedSubmission(
        c, sortedNames, u.institutionId(), u.submittedAt(), u.expiresAt());
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM underived_submissions WHERE submission_id = ?")) {
      ps.setLong(1, u.submissionId());
      ps.executeUpdate();
    }
  }

  /**
   * Derives every submission still listed, oldest first, from its stored names; the start-up's
   * first step after a crash between a large submission's two transactions.
   *
   * @return how many names were derived
   */
  public static long deriveAll(Connection c) throws SQLException {
    long names = 0;
    for (Underived u : list(c)) {
      List<String> accepted = SubmissionStore.acceptedNames(c, u.submissionId());
      derive(c, u, EntryStore.sortedForStore(accepted));
      names += accepted.size();
    }
    return names;
  }

  /** The submissions still to be derived, oldest first. */
  public static List<Underived> list(Connection c) throws SQLException {
    List<Underived> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT submission_id, institution_id, submitted_at, expires_at"
                    + " FROM underived_submissions ORDER BY submission_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Underived(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
      }
    }
    return out;
  }
}
