package org.rpzx.core.hostile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.ZoneStore;
import org.rpzx.core.zone.PublishedZone;

/** What a hostile input must not change, read before and after it. */
record StoreState(
    long entries,
    long entrySources,
    long submissions,
    long rejections,
    long journalRows,
    long serial,
    long publishedSerial,
    Set<String> inZone) {

  static StoreState of(Database db, PublishedZone zone) {
    return db.read(
        c ->
            new StoreState(
                count(c, "entries"),
                count(c, "entry_sources"),
                count(c, "submissions"),
                count(c, "submission_rejections"),
                count(c, "journal"),
                ZoneStore.serial(c).orElse(-1L),
                zone.current().serial(),
                new TreeSet<>(EntryStore.inZone(c))));
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
