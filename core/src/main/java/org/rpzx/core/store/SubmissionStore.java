package org.rpzx.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rpzx.core.name.RejectReason;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.RejectedLine;
import org.rpzx.core.submission.SubmissionReport;
import org.rpzx.core.submission.SubmissionStatus;
import org.rpzx.core.zone.CorruptNameListException;
import org.rpzx.core.zone.NameListCodec;

/** SQL for submissions and their per-line results. */
public final class SubmissionStore {

  /** A stored submission's header (who, when, how, counts). */
  public record SubmissionRow(
      long id,
      long institutionId,
      String institution,
      String sender,
      AuthMethod authMethod,
      String channel,
      String messageId,
      Instant receivedAt,
      int accepted,
      int rejected,
      int skipped,
      SubmissionStatus status,
      String holdReason,
      Instant reviewedAt) {}

  /**
   * What a new submission row holds. {@code status} is {@link SubmissionStatus#APPLIED} or {@link
   * SubmissionStatus#HELD} (then with {@code holdReason}).
   */
  public record NewSubmission(
      long institutionId,
      String sender,
      AuthMethod authMethod,
      String channel,
      String messageId,
      byte[] contentHash,
      long receivedAt,
      List<String> acceptedNames,
      int rejected,
      int skipped,
      SubmissionStatus status,
      String holdReason) {

    /** An applied submission. */
    public NewSubmission(
        long institutionId,
        String sender,
        AuthMethod authMethod,
        String channel,
        String messageId,
        byte[] contentHash,
        long receivedAt,
        List<String> acceptedNames,
        int rejected,
        int skipped) {
      this(
          institutionId,
          sender,
          authMethod,
          channel,
          messageId,
          contentHash,
          receivedAt,
          acceptedNames,
          rejected,
          skipped,
          SubmissionStatus.APPLIED,
          null);
    }
  }

  private static final String ROW_COLUMNS =
      "s.id, s.institution_id, i.name, s.sender, s.auth_method, s.channel, s.message_id,"
          + " s.received_at, s.accepted, s.rejected, s.skipped, s.status, s.hold_reason,"
          + " s.reviewed_at";

  /** Above every id given out before, also above deleted ones (see {@code deleted_id_floor}). */
  private static final String NEXT_ID =
      "(SELECT MAX(IFNULL((SELECT MAX(id) FROM submissions), 0),"
          + " IFNULL((SELECT max_id FROM deleted_id_floor WHERE tbl = 'submissions'), 0)) + 1)";

  private SubmissionStore() {}

  /** The id of an earlier submission of the same message by the same sender, if any. */
  public static Optional<Long> findDuplicate(
      Connection c, String sender, String messageId, byte[] contentHash) throws SQLException {
    if (messageId == null) {
      return Optional.empty();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM submissions WHERE sender = ? AND message_id = ? AND content_hash = ?")) {
      ps.setString(1, sender);
      ps.setString(2, messageId);
      ps.setBytes(3, contentHash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  public static long insert(Connection c, NewSubmission s, List<RejectedLine> rejections)
      throws SQLException {
    return insert(c, s, rejections, encodeNames(s.acceptedNames()));
  }

  /**
   * The stored form of a submission's accepted names (in line order, or canonical order for one
   * applied directly: any order decodes), for {@link #insert(Connection, NewSubmission, List,
   * byte[])}: a million names take a second or more to encode, which a caller can do outside the
   * write transaction or on another core.
   */
  public static byte[] encodeNames(List<String> acceptedNames) {
    return NameListCodec.encode(acceptedNames);
  }

  /**
   * Inserts {@code s} with its rejected lines; {@code encodedNames} must be {@link #encodeNames} of
   * {@code s.acceptedNames()} (in any order), or of an empty list that {@link #setAcceptedNames}
   * replaces in the same transaction.
   */
  public static long insert(
      Connection c, NewSubmission s, List<RejectedLine> rejections, byte[] encodedNames)
      throws SQLException {
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO submissions (id, institution_id, sender, auth_method, channel,"
                + " message_id, content_hash, received_at, accepted, rejected, skipped,"
                + " accepted_names, status, hold_reason) VALUES ("
                + NEXT_ID
                + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, s.institutionId());
      ps.setString(2, s.sender());
      ps.setString(3, s.authMethod().code());
      ps.setString(4, s.channel());
      ps.setString(5, s.messageId());
      ps.setBytes(6, s.contentHash());
      ps.setLong(7, s.receivedAt());
      ps.setInt(8, s.acceptedNames().size());
      ps.setInt(9, s.rejected());
      ps.setInt(10, s.skipped());
      ps.setBytes(11, encodedNames);
      ps.setString(12, s.status().code());
      ps.setString(13, s.holdReason());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO submission_rejections (submission_id, file_index, line_no, text, reason,"
                + " detail) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (RejectedLine r : rejections) {
        ps.setLong(1, id);
        ps.setInt(2, r.fileIndex());
        ps.setInt(3, r.lineNumber());
        ps.setString(4, r.text());
        ps.setString(5, r.reason().code());
        ps.setString(6, r.detail());
        ps.executeUpdate();
      }
    }
    return id;
  }

  public static Optional<SubmissionRow> row(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + ROW_COLUMNS
                + " FROM submissions s JOIN institutions i ON i.id = s.institution_id"
                + " WHERE s.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  /** Newest first; {@code institutionId} null for all institutions. */
  public static List<SubmissionRow> list(Connection c, Long institutionId, int limit)
      throws SQLException {
    return list(c, institutionId, null, limit);
  }

  /** Newest first; {@code institutionId} null for all institutions, {@code status} null for any. */
  public static List<SubmissionRow> list(
      Connection c, Long institutionId, SubmissionStatus status, int limit) throws SQLException {
    List<String> where = new ArrayList<>();
    if (institutionId != null) {
      where.add("s.institution_id = ?");
    }
    if (status != null) {
      where.add("s.status = ?");
    }
    String sql =
        "SELECT "
            + ROW_COLUMNS
            + " FROM submissions s JOIN institutions i ON i.id = s.institution_id"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY s.id DESC LIMIT ?";
    List<SubmissionRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (institutionId != null) {
        ps.setLong(i++, institutionId);
      }
      if (status != null) {
        ps.setString(i++, status.code());
      }
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
    }
    return out;
  }

  /**
   * Moves submission {@code id} from {@code from} to {@code to}, recording {@code reviewedAt};
   * false (nothing changed) when it is not in state {@code from}.
   */
  public static boolean changeStatus(
      Connection c, long id, SubmissionStatus from, SubmissionStatus to, long reviewedAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE submissions SET status = ?, reviewed_at = ? WHERE id = ? AND status = ?")) {
      ps.setString(1, to.code());
      ps.setLong(2, reviewedAt);
      ps.setLong(3, id);
      ps.setString(4, from.code());
      return ps.executeUpdate() == 1;
    }
  }

  public static List<RejectedLine> rejections(Connection c, long id) throws SQLException {
    List<RejectedLine> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT file_index, line_no, text, reason, detail FROM submission_rejections"
                + " WHERE submission_id = ? ORDER BY file_index, line_no")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new RejectedLine(
                  rs.getInt(1),
                  rs.getInt(2),
                  rs.getString(3),
                  RejectReason.fromCode(rs.getString(4)),
                  rs.getString(5)));
        }
      }
    }
    return out;
  }

  /**
   * Sets the accepted names of submission {@code id} ({@link #encodeNames}), for a caller that
   * inserted it with an empty list while the encoding was still being made.
   */
  public static void setAcceptedNames(Connection c, long id, byte[] encodedNames)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE submissions SET accepted_names = ? WHERE id = ?")) {
      ps.setBytes(1, encodedNames);
      ps.setLong(2, id);
      if (ps.executeUpdate() != 1) {
        throw new SQLException("no submission " + id);
      }
    }
  }

  public static List<String> acceptedNames(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT accepted_names FROM submissions WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? names(rs.getBytes(1)) : List.of();
      }
    }
  }

  /** The report of a stored submission, as its submitter first saw it. */
  public static Optional<SubmissionReport> report(Connection c, long id, boolean duplicate)
      throws SQLException {
    Optional<SubmissionRow> row = row(c, id);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    SubmissionRow r = row.get();
    String held = r.status() == SubmissionStatus.HELD ? r.holdReason() : null;
    List<String> notes =
        r.status() == SubmissionStatus.DISCARDED
            ? List.of("it was discarded by the operator after review")
            : List.of();
    return Optional.of(
        new SubmissionReport(
            r.id(),
            r.accepted(),
            r.rejected(),
            r.skipped(),
            rejections(c, id),
            duplicate,
            held,
            notes));
  }

  private static SubmissionRow row(ResultSet rs) throws SQLException {
    String status = rs.getString(12);
    SubmissionStatus parsed = SubmissionStatus.ofCode(status).orElse(null);
    if (parsed == null) {
      throw new SQLException("unknown submission status " + status);
    }
    return new SubmissionRow(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        AuthMethod.fromCode(rs.getString(5)),
        rs.getString(6),
        rs.getString(7),
        Instant.ofEpochMilli(rs.getLong(8)),
        rs.getInt(9),
        rs.getInt(10),
        rs.getInt(11),
        parsed,
        rs.getString(13),
        instantOrNull(rs, 14));
  }

  private static Instant instantOrNull(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static List<String> names(byte[] blob) {
    try {
      return NameListCodec.decode(blob);
    } catch (CorruptNameListException e) {
      throw new StoreException("corrupt name list in store: " + e.getMessage(), e);
    }
  }
}
