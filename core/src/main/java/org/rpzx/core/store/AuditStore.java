package org.rpzx.core.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rpzx.core.privacy.AuditEvent;
import org.rpzx.core.privacy.AuditRecord;

/** SQL for the audit log. */
public final class AuditStore {

  private static final int MAX_TEXT = 512;

  private AuditStore() {}

  public static void insert(Connection c, AuditEvent e, long at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_log (at, token_id, owner, method, route, target, status, client)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, at);
      ps.setString(2, clip(e.tokenId()));
      ps.setString(3, clip(e.owner()));
      ps.setString(4, clip(e.method()));
      ps.setString(5, clip(e.route()));
      ps.setString(6, encode(e.target()));
      ps.setInt(7, e.status());
      ps.setString(8, clip(e.client()));
      ps.executeUpdate();
    }
  }

  /** Records at or after {@code since}, newest first, at most {@code limit}. */
  public static List<AuditRecord> since(Connection c, long since, int limit) throws SQLException {
    List<AuditRecord> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.id, a.at, a.token_id, a.owner, i.name, a.method, a.route, a.target,"
                + " a.status, a.client FROM audit_log a LEFT JOIN institutions i"
                + " ON a.owner = 'institution:' || i.id"
                + " WHERE a.at >= ? ORDER BY a.at DESC, a.id DESC LIMIT ?")) {
      ps.setLong(1, since);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new AuditRecord(
                  rs.getLong(1),
                  Instant.ofEpochMilli(rs.getLong(2)),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  decode(rs.getString(8)),
                  rs.getInt(9),
                  rs.getString(10)));
        }
      }
    }
    return out;
  }

  /** {@code a=1&b=x%20y}, keys sorted: one column, read back exactly. */
  static String encode(Map<String, String> target) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(target).entrySet()) {
      if (!sb.isEmpty()) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(clip(e.getValue()), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  static Map<String, String> decode(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(unescape(pair.substring(0, eq)), unescape(pair.substring(eq + 1)));
      }
    }
    return out;
  }

  private static String unescape(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // written by encode, so never; but a bad row must not break the listing
    }
  }

  private static String clip(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
  }
}
