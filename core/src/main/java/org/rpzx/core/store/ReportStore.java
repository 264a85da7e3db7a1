package org.rpzx.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rpzx.core.report.FalsePositiveReport;
import org.rpzx.core.report.OperatorEntry;
import org.rpzx.core.report.ReportFilter;
import org.rpzx.core.report.ReportStatus;

/** SQL for false-positive reports and the operator's overrides of entries. */
public final class ReportStore {

  /** What a new report row holds. */
  public record NewReport(
      String name,
      String reportedName,
      String reason,
      String channel,
      Long reporterInstitutionId,
      String reporter,
      long filedAt) {}

  private static final String COLUMNS =
      "SELECT r.id, r.name, r.reported_name, r.reason, r.channel, r.status,"
          + " r.reporter_institution_id, i.name, r.reporter, r.filed_at, r.decided_at,"
          + " r.decided_by, r.note FROM fp_reports r"
          + " LEFT JOIN institutions i ON i.id = r.reporter_institution_id";

  private ReportStore() {}

  public static long insert(Connection c, NewReport r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO fp_reports (name, reported_name, reason, channel,"
                + " reporter_institution_id, reporter, status, filed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'open', ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, r.name());
      ps.setString(2, r.reportedName());
      ps.setString(3, r.reason());
      ps.setString(4, r.channel());
      if (r.reporterInstitutionId() == null) {
        ps.setNull(5, Types.INTEGER);
      } else {
        ps.setLong(5, r.reporterInstitutionId());
      }
      ps.setString(6, r.reporter());
      ps.setLong(7, r.filedAt());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  public static Optional<FalsePositiveReport> find(Connection c, long id) throws SQLException {
    List<FalsePositiveReport> one = query(c, COLUMNS + " WHERE r.id = ?", id);
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  /**
   * The open report of {@code reporterInstitutionId} (null: the operator) on entry {@code name}.
   */
  public static Optional<FalsePositiveReport> openReport(
      Connection c, String name, Long reporterInstitutionId) throws SQLException {
    List<FalsePositiveReport> found =
        reporterInstitutionId == null
            ? query(
                c,
                COLUMNS
                    + " WHERE r.name = ? AND r.status = 'open'"
                    + " AND r.reporter_institution_id IS NULL ORDER BY r.id LIMIT 1",
                name)
            : query(
                c,
                COLUMNS
                    + " WHERE r.name = ? AND r.status = 'open'"
                    + " AND r.reporter_institution_id = ? ORDER BY r.id LIMIT 1",
                name,
                reporterInstitutionId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Reports matching {@code filter}, newest first. */
  public static List<FalsePositiveReport> list(Connection c, ReportFilter filter)
      throws SQLException {
    StringBuilder sql = new StringBuilder(COLUMNS);
    List<Object> args = new ArrayList<>();
    List<String> where = new ArrayList<>();
    if (filter.status() != null) {
      where.add("r.status = ?");
      args.add(filter.status().code());
    }
    if (filter.reporterInstitutionId() != null) {
      where.add("r.reporter_institution_id = ?");
      args.add(filter.reporterInstitutionId());
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY r.id DESC LIMIT ?");
    args.add(filter.limit());
    return query(c, sql.toString(), args.toArray());
  }

  /**
   * Decides an open report; false (and nothing changes) if it is not open (any more).
   *
   * @param note the operator's note, or null
   */
  public static boolean decide(
      Connection c, long id, ReportStatus status, long at, String by, String note)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE fp_reports SET status = ?, decided_at = ?, decided_by = ?, note = ?"
                + " WHERE id = ? AND status = 'open'")) {
      ps.setString(1, status.code());
      ps.setLong(2, at);
      ps.setString(3, by);
      ps.setString(4, note);
      ps.setLong(5, id);
      return ps.executeUpdate() == 1;
    }
  }

  /** Keeps which institutions had submitted {@code name} with the (confirmed) report. */
  public static void keepSubmitters(Connection c, long reportId, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR IGNORE INTO fp_report_submitters (report_id, institution_id)"
                + " SELECT ?, institution_id FROM entry_sources WHERE name = ?")) {
      ps.setLong(1, reportId);
      ps.setString(2, name);
      ps.executeUpdate();
    }
  }

  /** The institutions kept with a confirmed report, by name. Operator-only information. */
  public static List<String> keptSubmitters(Connection c, long reportId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.name FROM fp_report_submitters s JOIN institutions i"
                + " ON i.id = s.institution_id WHERE s.report_id = ? ORDER BY i.name")) {
      ps.setLong(1, reportId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /**
   * How many reports confirmed at or after {@code since} were about names {@code institutionId} had
   * submitted.
   */
  public static long confirmedFalsePositives(Connection c, long institutionId, long since)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*) FROM fp_report_submitters s JOIN fp_reports r ON r.id = s.report_id"
                + " WHERE s.institution_id = ? AND r.status = 'confirmed' AND r.decided_at >= ?")) {
      ps.setLong(1, institutionId);
      ps.setLong(2, since);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /**
   * The entry the published zone holds for {@code name}: the name itself, else its closest listed
   * ancestor (whose wildcard covers it); empty if neither is in the zone.
   */
  public static Optional<String> listedCovering(Connection c, String name) throws SQLException {
    for (String n = name; n != null; n = parent(n)) {
      if (NameListStore.inZone(c, n)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  private static String parent(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? null : name.substring(dot + 1);
  }

  /**
   * Makes entry {@code name} expire at {@code now}, so the next publication removes it; false if it
   * had expired already (or is no entry).
   */
  public static boolean expireNow(Connection c, String name, long now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE entries SET expires_at = ? WHERE name = ? AND expires_at > ?")) {
      ps.setLong(1, now);
      ps.setString(2, name);
      ps.setLong(3, now);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Records that the operator added {@code name} at {@code now}: the entry lives until at least
   * {@code expiresAt}, as after a submission; the operator is kept as its source.
   */
  public static void recordOperatorEntry(
      Connection c, String name, String addedBy, String reason, long now, long expiresAt)
      throws SQLException {
    try (PreparedStatement entry =
            c.prepareStatement(
                "INSERT INTO entries (name, first_submitted, last_submitted, expires_at, in_zone)"
                    + " VALUES (?, ?, ?, ?, 0) ON CONFLICT (name) DO UPDATE SET"
                    + " last_submitted = MAX(last_submitted, excluded.last_submitted),"
                    + " expires_at = MAX(expires_at, excluded.expires_at)");
        PreparedStatement source =
            c.prepareStatement(
                "INSERT INTO operator_entries (name, added_by, reason, first_added, last_added)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                    + " added_by = excluded.added_by, reason = excluded.reason,"
                    + " last_added = MAX(last_added, excluded.last_added)")) {
      entry.setString(1, name);
      entry.setLong(2, now);
      entry.setLong(3, now);
      entry.setLong(4, expiresAt);
      entry.executeUpdate();
      source.setString(1, name);
      source.setString(2, addedBy);
      source.setString(3, reason);
      source.setLong(4, now);
      source.setLong(5, now);
      source.executeUpdate();
    }
  }

  /** The operator as a source of {@code name}, if the operator ever added it. */
  public static Optional<OperatorEntry> operatorEntry(Connection c, String name)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT name, added_by, reason, first_added, last_added FROM operator_entries"
                + " WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new OperatorEntry(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5))));
      }
    }
  }

  private static List<FalsePositiveReport> query(Connection c, String sql, Object... args)
      throws SQLException {
    List<FalsePositiveReport> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(report(rs));
        }
      }
    }
    return out;
  }

  private static FalsePositiveReport report(ResultSet rs) throws SQLException {
    long reporterId = rs.getLong(7);
    Long reporterInstitution = rs.wasNull() ? null : reporterId;
    long decided = rs.getLong(11);
    Instant decidedAt = rs.wasNull() ? null : Instant.ofEpochMilli(decided);
    return new FalsePositiveReport(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        ReportStatus.fromCode(rs.getString(6)).orElseThrow(),
        reporterInstitution,
        rs.getString(8),
        rs.getString(9),
        Instant.ofEpochMilli(rs.getLong(10)),
        decidedAt,
        rs.getString(12),
        rs.getString(13));
  }
}
