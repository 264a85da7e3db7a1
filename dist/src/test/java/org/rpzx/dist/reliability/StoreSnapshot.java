package org.rpzx.dist.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rpzx.core.zone.NameListCodec;
import org.sqlite.SQLiteConfig;

/**
 * The store as a killed service left it, read straight from the SQLite file (opened read-only while
 * no service runs): the serial, the names flagged in the zone, every stored name and submission,
 * and the journal. The names of a submission whose entry rows the next start still has to write
 * (ADR 0012) count as stored and flagged, as they will be.
 */
record StoreSnapshot(
    long serial,
    Set<String> inZone,
    Set<String> allNames,
    Set<Long> submissionIds,
    List<Change> journal,
    int underivedSubmissions) {

  /** One journal row. */
  record Change(long from, long to, List<String> added, List<String> removed) {}

  static StoreSnapshot read(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      c.setAutoCommit(false); // one read transaction: one consistent view
      try {
        long serial;
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT serial FROM zone_state WHERE id = 1")) {
          if (!rs.next()) {
            throw new IllegalStateException("the store has no serial");
          }
          serial = rs.getLong(1);
        }
        Set<String> inZone = names(c, "SELECT name FROM entries WHERE in_zone = 1");
        Set<String> all = names(c, "SELECT name FROM entries");
        // a kill between a large submission's two transactions (ADR 0012): its names are in the
        // journal and in its row, and the next start writes their entry rows, flagged in the zone
        int underived = 0;
        try (Statement st = c.createStatement();
            ResultSet rs =
                st.executeQuery(
                    "SELECT s.accepted_names FROM underived_submissions u"
                        + " JOIN submissions s ON s.id = u.submission_id")) {
          while (rs.next()) {
            List<String> names = NameListCodec.decode(rs.getBytes(1));
            inZone.addAll(names);
            all.addAll(names);
            underived++;
          }
        }
        Set<Long> ids = new HashSet<>();
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT id FROM submissions")) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
        List<Change> journal = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT from_serial, to_serial, added, removed FROM journal ORDER BY seq");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            journal.add(
                new Change(
                    rs.getLong(1),
                    rs.getLong(2),
                    NameListCodec.decode(rs.getBytes(3)),
                    NameListCodec.decode(rs.getBytes(4))));
          }
        }
        return new StoreSnapshot(serial, inZone, all, ids, journal, underived);
      } finally {
        c.rollback();
      }
    }
  }

  private static Set<String> names(Connection c, String sql) throws SQLException {
    Set<String> out = new HashSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * The entry names at this snapshot's serial as the journal tells it, starting from a consumer's
   * {@code names} at {@code serial}: null if the journal no longer reaches back that far.
   */
  Set<String> replayFrom(long fromSerial, Set<String> names) {
    Set<String> out = new HashSet<>(names);
    long at = fromSerial;
    int i = 0;
    while (i < journal.size() && journal.get(i).from() != at) {
      i++;
    }
    if (at != serial && i == journal.size()) {
      return null;
    }
    for (; at != serial && i < journal.size(); i++) {
      Change ch = journal.get(i);
      if (ch.from() != at) {
        throw new IllegalStateException("journal gap: at " + at + ", next row from " + ch.from());
      }
      out.removeAll(ch.removed());
      out.addAll(ch.added());
      at = ch.to();
    }
    if (at != serial) {
      throw new IllegalStateException("journal ends at " + at + ", the stored serial is " + serial);
    }
    return out;
  }
}
