package org.rpzx.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.rpzx.core.submission.RawMessage;

/** SQL for raw messages (SPEC §7): one gzip blob per submission, when the operator keeps them. */
public final class RawMessageStore {

  private RawMessageStore() {}

  public static void insert(Connection c, long submissionId, long receivedAt, RawMessage message)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO raw_messages (submission_id, received_at, size, bytes) VALUES (?, ?, ?, ?)")) {
      ps.setLong(1, submissionId);
      ps.setLong(2, receivedAt);
      ps.setLong(3, message.size());
      ps.setBytes(4, message.compressed());
      ps.executeUpdate();
    }
  }

  public static Optional<RawMessage> find(Connection c, long submissionId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT bytes, size FROM raw_messages WHERE submission_id = ?")) {
      ps.setLong(1, submissionId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(RawMessage.ofCompressed(rs.getBytes(1), rs.getLong(2)))
            : Optional.empty();
      }
    }
  }

  /** How many raw messages are stored. */
  public static long count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM raw_messages");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
