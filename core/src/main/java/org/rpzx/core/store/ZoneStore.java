package org.rpzx.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rpzx.core.zone.ChangeSet;
import org.rpzx.core.zone.CorruptNameListException;
import org.rpzx.core.zone.NameListCodec;

/** SQL for the zone serial, the persistent IXFR journal and the zone image. */
public final class ZoneStore {

  private ZoneStore() {}

  public static Optional<Long> serial(Connection c) throws SQLException {
    return singleLong(c, "SELECT serial FROM zone_state WHERE id = 1");
  }

  public static void setSerial(Connection c, long serial, long now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO zone_state (id, serial, updated_at) VALUES (1, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET serial = excluded.serial,"
                + " updated_at = excluded.updated_at")) {
      ps.setLong(1, serial);
      ps.setLong(2, now);
      ps.executeUpdate();
    }
  }

  public static void appendJournal(Connection c, ChangeSet change) throws SQLException {
    appendJournal(
        c, change, NameListCodec.encode(change.added()), NameListCodec.encode(change.removed()));
  }

  /**
   * {@link #appendJournal(Connection, ChangeSet)} with the two name lists already encoded ({@link
   * NameListCodec#encode}), e.g. on another thread while the transaction did other work.
   */
  public static void appendJournal(
      Connection c, ChangeSet change, byte[] encodedAdded, byte[] encodedRemoved)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO journal (from_serial, to_serial, created_at, added_count, removed_count,"
                + " added, removed) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, change.fromSerial());
      ps.setLong(2, change.toSerial());
      ps.setLong(3, change.epochMillis());
      ps.setInt(4, change.added().size());
      ps.setInt(5, change.removed().size());
      ps.setBytes(6, encodedAdded);
      ps.setBytes(7, encodedRemoved);
      ps.executeUpdate();
    }
  }

  /**
   * Drops the oldest journal rows beyond {@code maxChangeSets} change sets or {@code maxBytes}
   * stored bytes in all (the newest row is always kept).
   */
  public static void trimJournal(Connection c, int maxChangeSets, long maxBytes)
      throws SQLException {
    long keepFromSeq = Long.MIN_VALUE;
    long bytes = 0;
    int rows = 0;
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, length(added) + length(removed) + 64 FROM journal ORDER BY seq DESC");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long seq = rs.getLong(1);
        bytes += rs.getLong(2);
        rows++;
        if (rows > 1 && (rows > maxChangeSets || bytes > maxBytes)) {
          break;
        }
        keepFromSeq = seq;
      }
    }
    if (keepFromSeq != Long.MIN_VALUE) {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM journal WHERE seq < ?")) {
        del.setLong(1, keepFromSeq);
        del.executeUpdate();
      }
    }
  }

  /** Whether the journal holds a change set from {@code serial}. */
  public static boolean journalStartsAt(Connection c, long serial) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM journal WHERE from_serial = ? LIMIT 1")) {
      ps.setLong(1, serial);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The journal, oldest change set first. */
  public static List<ChangeSet> journal(Connection c) throws SQLException {
    List<ChangeSet> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT from_serial, to_serial, created_at, added, removed FROM journal"
                    + " ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new ChangeSet(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                names(rs.getBytes(4)),
                names(rs.getBytes(5))));
      }
    }
    return out;
  }

  /** The saved zone image: a {@code TrieImage} of the zone at {@code serial}. */
  public record StoredImage(long serial, byte[] image) {}

  /** The zone image, if one was saved. */
  public static Optional<StoredImage> image(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT serial, image FROM zone_image WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next()
          ? Optional.of(new StoredImage(rs.getLong(1), rs.getBytes(2)))
          : Optional.empty();
    }
  }

  /** The serial of the saved zone image, if one was saved (without reading the image). */
  public static Optional<Long> imageSerial(Connection c) throws SQLException {
    return singleLong(c, "SELECT serial FROM zone_image WHERE id = 1");
  }

  /** Replaces the zone image, a {@code TrieImage} of the zone at {@code serial}. */
  public static void saveImage(Connection c, long serial, byte[] image, long now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR REPLACE INTO zone_image (id, serial, saved_at, image) VALUES (1, ?, ?, ?)")) {
      ps.setLong(1, serial);
      ps.setLong(2, now);
      ps.setBytes(3, image);
      ps.executeUpdate();
    }
  }

  /** The long in the first column of {@code sql}'s first row, if it has one. */
  private static Optional<Long> singleLong(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }

  private static List<String> names(byte[] blob) {
    try {
      return NameListCodec.decode(blob);
    } catch (CorruptNameListException e) {
      throw new StoreException("corrupt name list in store: " + e.getMessage(), e);
    }
  }
}
