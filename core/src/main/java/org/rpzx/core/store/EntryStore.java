package org.rpzx.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.rpzx.core.zone.NameKeys;

/**
 * SQL for entries and their sources. An entry's {@code expires_at} is the latest submission by any
 * institution plus the entry lifetime; {@code in_zone} is what the published zone holds.
 */
public final class EntryStore {

  /** An entry as the operator sees it (no submitters here: see {@link #sources}). */
  public record EntryRow(
      String name,
      Instant firstSubmitted,
      Instant lastSubmitted,
      Instant expiresAt,
      boolean inZone) {}

  private EntryStore() {}

  /** Names per set-based statement: bounds the JSON parameter (a few MB) and SQLite's work. */
  static final int CHUNK = 50_000;

  private static final String UPSERT_ENTRIES =
      "INSERT INTO entries (name, first_submitted, last_submitted, expires_at, in_zone)"
          // WHERE true: without it SQLite would read ON CONFLICT as part of the join
          + " SELECT value, ?1, ?1, ?2, ?4 FROM json_each(?3) WHERE true"
          + " ON CONFLICT (name) DO UPDATE SET"
          + " last_submitted = MAX(last_submitted, excluded.last_submitted),"
          + " expires_at = MAX(expires_at, excluded.expires_at),"
          + " in_zone = MAX(in_zone, excluded.in_zone)";

  private static final String UPSERT_SOURCES =
      "INSERT INTO entry_sources (name, institution_id, first_submitted, last_submitted)"
          + " SELECT value, ?1, ?2, ?2 FROM json_each(?3) WHERE true"
          + " ON CONFLICT (name, institution_id) DO UPDATE SET"
          + " last_submitted = MAX(last_submitted, excluded.last_submitted)";

  /**
   * Records that {@code institutionId} submitted {@code names} at {@code now}: an upsert of each
   * name into {@code entries} and {@code entry_sources}. Set-based: one statement per table and
   * chunk of {@value #CHUNK} names, passed as one JSON array (SQLite's {@code json_each}), instead
   * of two statements per name (a million names took 20 s that way, most of it in the driver's
   * per-statement work).
   */
  public static void recordSubmission(
      Connection c, Collection<String> names, long institutionId, long now, long expiresAt)
      throws SQLException {
    recordSubmission(c, names, institutionId, now, expiresAt, CHUNK);
  }

  /** {@link #recordSubmission} with {@code chunk} names per statement (tests: chunk boundaries). */
  static void recordSubmission(
      Connection c,
      Collection<String> names,
      long institutionId,
      long now,
      long expiresAt,
      int chunk)
      throws SQLException {
    recordSortedSubmission(c, sortedForStore(names), institutionId, now, expiresAt, chunk, false);
  }

  /**
   * {@code names} in the order {@link #recordSortedSubmission} wants them: key order, because both
   * tables are B-trees keyed by name and sorted inserts touch each page once instead of jumping
   * around the file. Callers may prepare this outside the write transaction.
   */
  public static String[] sortedForStore(Collection<String> names) {
    String[] sorted = names.toArray(String[]::new);
    Arrays.parallelSort(sorted);
    return sorted;
  }

  /**
   * {@link #recordSubmission} for names already in {@link #sortedForStore} order (any order is
   * stored correctly; sorted is what makes it fast).
   */
  public static void recordSortedSubmission(
      Connection c, String[] sortedNames, long institutionId, long now, long expiresAt)
      throws SQLException {
    recordSortedSubmission(c, sortedNames, institutionId, now, expiresAt, CHUNK, false);
  }

  /**
   * {@link #recordSortedSubmission} for names the published zone already holds: their rows are
   * flagged {@code in_zone} as well (a submission applied to the zone before its entry rows were
   * written, see {@link UnderivedSubmissions}).
   */
  static void recordPublishedSubmission(
      Connection c, String[] sortedNames, long institutionId, long now, long expiresAt)
      throws SQLException {
    recordSortedSubmission(c, sortedNames, institutionId, now, expiresAt, CHUNK, true);
  }

  private static void recordSortedSubmission(
      Connection c,
      String[] sorted,
      long institutionId,
      long now,
      long expiresAt,
      int chunk,
      boolean inZone)
      throws SQLException {
    if (sorted.length == 0) {
      return;
    }
    try (PreparedStatement entry = c.prepareStatement(UPSERT_ENTRIES);
        PreparedStatement source = c.prepareStatement(UPSERT_SOURCES)) {
      for (int from = 0; from < sorted.length; from += chunk) {
        String json = JsonStrings.array(sorted, from, Math.min(sorted.length, from + chunk));
        entry.setLong(1, now);
        entry.setLong(2, expiresAt);
        entry.setString(3, json);
        entry.setInt(4, inZone ? 1 : 0);
        entry.executeUpdate();
        source.setLong(1, institutionId);
        source.setLong(2, now);
        source.setString(3, json);
        source.executeUpdate();
      }
    }
  }

  /** Names that should be in the zone at {@code now} but are not. */
  public static List<String> pendingAdditions(Connection c, long now) throws SQLException {
    return names(c, "SELECT name FROM entries WHERE in_zone = 0 AND expires_at > ?", now);
  }

  /** Names in the zone that have expired by {@code now}. */
  public static List<String> pendingRemovals(Connection c, long now) throws SQLException {
    return names(c, "SELECT name FROM entries WHERE in_zone = 1 AND expires_at <= ?", now);
  }

  /** Brings {@code in_zone} in line with expiry at {@code now}; the pending lists become empty. */
  public static void markPublished(Connection c, long now) throws SQLException {
    try (PreparedStatement add =
            c.prepareStatement(
                "UPDATE entries SET in_zone = 1 WHERE in_zone = 0 AND expires_at > ?");
        PreparedStatement remove =
            c.prepareStatement(
                "UPDATE entries SET in_zone = 0 WHERE in_zone = 1 AND expires_at <= ?")) {
      add.setLong(1, now);
      add.executeUpdate();
      remove.setLong(1, now);
      remove.executeUpdate();
    }
  }

  /** Every name the published zone holds. */
  public static List<String> inZone(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM entries WHERE in_zone = 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** How many names the published zone holds (by the {@code entries_pending} index). */
  public static int inZoneCount(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM entries WHERE in_zone = 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Names per statement when {@link #inZoneKeys} reads the zone: bounds the text held at once. */
  private static final int IN_ZONE_CHUNK = 1 << 20;

  /**
   * Every name the published zone holds, as canonical keys ready for the start-up build. Read as
   * newline-joined text in chunks of the {@code entries_pending} index (one JDBC call per chunk
   * instead of one per name, and no {@code String} per name); call it inside one read transaction,
   * with {@code names} from {@link #inZoneCount} in the same transaction (it sizes the buffers).
   *
   * @throws IllegalArgumentException if a stored name is not a valid zone name
   */
  public static NameKeys inZoneKeys(Connection c, int names) throws SQLException {
    NameKeys keys = new NameKeys(names, names * 32L); // grows if names are longer on average
    try (PreparedStatement bound =
            c.prepareStatement(
                "SELECT expires_at, name FROM entries WHERE in_zone = 1"
                    + " AND (expires_at, name) > (?, ?) ORDER BY expires_at, name LIMIT 1 OFFSET ?");
        PreparedStatement chunk =
            c.prepareStatement(
                "SELECT group_concat(name, char(10)) FROM entries WHERE in_zone = 1"
                    + " AND (expires_at, name) > (?, ?) AND (expires_at, name) <= (?, ?)");
        PreparedStatement rest =
            c.prepareStatement(
                "SELECT group_concat(name, char(10)) FROM entries WHERE in_zone = 1"
                    + " AND (expires_at, name) > (?, ?)")) {
      long afterExpiry = Long.MIN_VALUE;
      String afterName = "";
      // the count comes from the same read transaction: only chunks before the last need a bound
      for (int left = names; left > IN_ZONE_CHUNK; left -= IN_ZONE_CHUNK) {
        bound.setLong(1, afterExpiry);
        bound.setString(2, afterName);
        bound.setInt(3, IN_ZONE_CHUNK - 1);
        long toExpiry;
        String toName;
        try (ResultSet rs = bound.executeQuery()) {
          if (!rs.next()) {
            break;
          }
          toExpiry = rs.getLong(1);
          toName = rs.getString(2);
        }
        chunk.setLong(1, afterExpiry);
        chunk.setString(2, afterName);
        chunk.setLong(3, toExpiry);
        chunk.setString(4, toName);
        addLines(chunk, keys);
        afterExpiry = toExpiry;
        afterName = toName;
      }
      rest.setLong(1, afterExpiry);
      rest.setString(2, afterName);
      addLines(rest, keys);
    }
    return keys;
  }

  private static void addLines(PreparedStatement ps, NameKeys keys) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      byte[] text = rs.next() ? rs.getBytes(1) : null;
      if (text != null) {
        keys.addLines(text, 0, text.length);
      }
    }
  }

  /**
   * Which entries to list: {@code name} exactly, or {@code suffix} and every name under it (each
   * null for no restriction; normalised names), only those in the zone if {@code activeOnly}, names
   * after {@code after} (a paging cursor, null from the start), at most {@code limit}.
   */
  public record EntryFilter(
      String name, String suffix, boolean activeOnly, String after, int limit) {}

  /** One institution's part in an entry: its first and latest submission of the name. */
  public record EntrySource(String institution, Instant firstSubmitted, Instant lastSubmitted) {}

  private static final String ENTRY_COLUMNS =
      "SELECT name, first_submitted, last_submitted, expires_at, in_zone FROM entries";

  /** Entries matching {@code filter}, by name (plain string order, so {@code after} pages). */
  public static List<EntryRow> find(Connection c, EntryFilter filter) throws SQLException {
    StringBuilder sql = new StringBuilder(ENTRY_COLUMNS);
    List<Object> args = new ArrayList<>();
    List<String> where = new ArrayList<>();
    if (filter.name() != null) {
      where.add("name = ?");
      args.add(filter.name());
    }
    if (filter.suffix() != null) {
      where.add("(name = ? OR name LIKE ? ESCAPE '\\')");
      args.add(filter.suffix());
      args.add(
          "%." + filter.suffix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
    }
    if (filter.activeOnly()) {
      where.add("in_zone = 1");
    }
    if (filter.after() != null) {
      where.add("name > ?");
      args.add(filter.after());
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY name LIMIT ?");
    args.add(filter.limit());
    List<EntryRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(entryRow(rs));
        }
      }
    }
    return out;
  }

  /** One entry by its normalised name. */
  public static Optional<EntryRow> entry(Connection c, String name) throws SQLException {
    List<EntryRow> one = find(c, new EntryFilter(name, null, false, null, 1));
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  /**
   * Who submitted {@code name} (SPEC §4): every institution with its first and latest submission,
   * earliest first. Operator-only information (SPEC §7).
   */
  public static List<EntrySource> sources(Connection c, String name) throws SQLException {
    List<EntrySource> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.name, s.first_submitted, s.last_submitted FROM entry_sources s"
                + " JOIN institutions i ON i.id = s.institution_id WHERE s.name = ?"
                + " ORDER BY s.first_submitted, i.name")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new EntrySource(
                  rs.getString(1),
                  Instant.ofEpochMilli(rs.getLong(2)),
                  Instant.ofEpochMilli(rs.getLong(3))));
        }
      }
    }
    return out;
  }

  private static EntryRow entryRow(ResultSet rs) throws SQLException {
    return new EntryRow(
        rs.getString(1),
        Instant.ofEpochMilli(rs.getLong(2)),
        Instant.ofEpochMilli(rs.getLong(3)),
        Instant.ofEpochMilli(rs.getLong(4)),
        rs.getInt(5) == 1);
  }

  public static long count(Connection c, boolean inZoneOnly) throws SQLException {
    String sql = "SELECT COUNT(*) FROM entries" + (inZoneOnly ? " WHERE in_zone = 1" : "");
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * Whether {@code name} is suppressed at {@code now} (a confirmed false positive); a suppression
   * without {@code until} lasts until it is removed.
   */
  public static boolean isSuppressed(Connection c, String name, long now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM suppressions WHERE name = ? AND (until IS NULL OR until > ?)")) {
      ps.setString(1, name);
      ps.setLong(2, now);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Every name suppressed at {@code now}: a small table, read once inside a submission's write
   * transaction so that a suppression committed after the submission was validated still wins.
   */
  public static java.util.Set<String> activeSuppressions(Connection c, long now)
      throws SQLException {
    java.util.Set<String> out = new java.util.HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT name FROM suppressions WHERE until IS NULL OR until > ?")) {
      ps.setLong(1, now);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Names on the operator's allowlist. */
  public static List<String> allowlist(Connection c) throws SQLException {
    return names(c, "SELECT name FROM allowlist", null);
  }

  private static List<String> names(Connection c, String sql, Long arg) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (arg != null) {
        ps.setLong(1, arg);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
