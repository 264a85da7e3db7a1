package org.rpzx.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rpzx.core.consumer.Consumer;
import org.rpzx.core.consumer.ConsumerActivity;
import org.rpzx.core.consumer.ConsumerKey;
import org.rpzx.core.consumer.ConsumerStatus;
import org.rpzx.core.consumer.KeyAlgorithm;
import org.rpzx.core.consumer.NotifyTarget;
import org.rpzx.core.consumer.TransferKind;
import org.rpzx.core.consumer.TransferObservation;
import org.rpzx.core.consumer.TsigKeyInfo;

/** SQL for consumers, their TSIG keys and their transfer log. Callers compose transactions. */
public final class ConsumerStore {

  private static final String SELECT =
      "SELECT c.id, c.name, i.name, c.created_at, k.name, k.algorithm, k.secret,"
          + " t.soa_checked_at, t.soa_serial, t.soa_client, t.transfer_at, t.transfer_type,"
          + " t.transfer_serial, t.transfer_bytes, t.transfer_millis, t.transfer_client,"
          + " t.transfer_complete, t.transfers"
          + " FROM consumers c JOIN institutions i ON i.id = c.institution_id"
          + " LEFT JOIN tsig_keys k ON k.name = c.tsig_key"
          + " LEFT JOIN consumer_transfers t ON t.consumer_id = c.id";

  private ConsumerStore() {}

  public static boolean keyExists(Connection c, String keyName) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tsig_keys WHERE name = ?")) {
      ps.setString(1, keyName);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Every TSIG key with the consumer using it, by name (no secrets). */
  public static List<TsigKeyInfo> keys(Connection c) throws SQLException {
    return keyInfos(c, null);
  }

  public static Optional<TsigKeyInfo> key(Connection c, String keyName) throws SQLException {
    List<TsigKeyInfo> one = keyInfos(c, keyName);
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  private static List<TsigKeyInfo> keyInfos(Connection c, String keyName) throws SQLException {
    List<TsigKeyInfo> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT k.name, k.algorithm, k.created_at, c.name, i.name FROM tsig_keys k"
                + " LEFT JOIN consumers c ON c.tsig_key = k.name"
                + " LEFT JOIN institutions i ON i.id = c.institution_id"
                + (keyName == null ? "" : " WHERE k.name = ?")
                + " ORDER BY k.name")) {
      if (keyName != null) {
        ps.setString(1, keyName);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String found = rs.getString(1);
          Optional<KeyAlgorithm> a = KeyAlgorithm.parse(rs.getString(2));
          if (a.isEmpty()) {
            throw new SQLException("TSIG key " + found + " has an unknown algorithm");
          }
          out.add(
              new TsigKeyInfo(
                  found,
                  a.get(),
                  rs.getString(4),
                  rs.getString(5),
                  Instant.ofEpochMilli(rs.getLong(3))));
        }
      }
    }
    return out;
  }

  /** Replaces a key's algorithm and secret (same name); {@code now} becomes its creation time. */
  public static void replaceKey(Connection c, ConsumerKey key, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE tsig_keys SET algorithm = ?, secret = ?, created_at = ? WHERE name = ?")) {
      ps.setString(1, key.algorithm().configName());
      ps.setBytes(2, key.secret());
      ps.setLong(3, now.toEpochMilli());
      ps.setString(4, key.name());
      ps.executeUpdate();
    }
  }

  /** Inserts a consumer with its key, subnets and targets; returns its id. */
  public static long insert(
      Connection c,
      String name,
      long institutionId,
      Optional<ConsumerKey> key,
      List<String> subnets,
      List<NotifyTarget> targets,
      Instant now)
      throws SQLException {
    if (key.isPresent()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO tsig_keys (name, algorithm, secret, created_at) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, key.get().name());
        ps.setString(2, key.get().algorithm().configName());
        ps.setBytes(3, key.get().secret());
        ps.setLong(4, now.toEpochMilli());
        ps.executeUpdate();
      }
    }
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO consumers (name, institution_id, tsig_key, created_at) VALUES (?, ?, ?,"
                + " ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, name);
      ps.setLong(2, institutionId);
      if (key.isPresent()) {
        ps.setString(3, key.get().name());
      } else {
        ps.setNull(3, Types.VARCHAR);
      }
      ps.setLong(4, now.toEpochMilli());
      ps.executeUpdate();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO consumer_subnets (consumer_id, cidr) VALUES (?, ?)")) {
      for (String s : subnets) {
        ps.setLong(1, id);
        ps.setString(2, s);
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO consumer_notify_targets (consumer_id, address, port) VALUES (?, ?, ?)")) {
      for (NotifyTarget t : targets) {
        ps.setLong(1, id);
        ps.setString(2, t.address());
        ps.setInt(3, t.port());
        ps.executeUpdate();
      }
    }
    return id;
  }

  /** Deletes a consumer (its subnets, targets and log go with it) and then its key. */
  public static void delete(Connection c, Consumer consumer) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM consumers WHERE id = ?")) {
      ps.setLong(1, consumer.id());
      ps.executeUpdate();
    }
    if (consumer.key().isPresent()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM tsig_keys WHERE name = ?"
                  + " AND NOT EXISTS (SELECT 1 FROM consumers WHERE tsig_key = tsig_keys.name)")) {
        ps.setString(1, consumer.key().get().name());
        ps.executeUpdate();
      }
    }
  }

  public static Optional<ConsumerStatus> byName(Connection c, String name) throws SQLException {
    List<ConsumerStatus> one = query(c, SELECT + " WHERE c.name = ?", name);
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  /** Every consumer with its log, by institution then name. */
  public static List<ConsumerStatus> all(Connection c) throws SQLException {
    return query(c, SELECT + " ORDER BY i.name COLLATE NOCASE, c.name COLLATE NOCASE", null);
  }

  /**
   * Records an SOA check or a transfer in the consumer's log; false when no consumer has that name
   * (removed meanwhile).
   */
  public static boolean record(Connection c, TransferObservation o) throws SQLException {
    Long id = idOf(c, o.consumer());
    if (id == null) {
      return false;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO consumer_transfers (consumer_id) VALUES (?) ON CONFLICT DO NOTHING")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    String sql =
        o.kind() == TransferKind.SOA_QUERY
            ? "UPDATE consumer_transfers SET soa_checked_at = ?, soa_serial = ?, soa_client = ?"
                + " WHERE consumer_id = ?"
            : "UPDATE consumer_transfers SET transfer_at = ?, transfer_serial = ?,"
                + " transfer_client = ?, transfer_type = ?, transfer_bytes = ?,"
                + " transfer_millis = ?, transfer_complete = ?, transfers = transfers + 1"
                + " WHERE consumer_id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, o.at().toEpochMilli());
      ps.setLong(2, o.serial());
      ps.setString(3, o.client());
      if (o.kind() == TransferKind.SOA_QUERY) {
        ps.setLong(4, id);
      } else {
        ps.setString(4, o.kind().code());
        ps.setLong(5, o.bytes());
        ps.setLong(6, o.duration().toMillis());
        ps.setInt(7, o.complete() ? 1 : 0);
        ps.setLong(8, id);
      }
      ps.executeUpdate();
    }
    return true;
  }

  private static Long idOf(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM consumers WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static List<ConsumerStatus> query(Connection c, String sql, String name)
      throws SQLException {
    Map<Long, List<String>> subnets = subnets(c);
    Map<Long, List<NotifyTarget>> targets = targets(c);
    List<ConsumerStatus> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (name != null) {
        ps.setString(1, name);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          Optional<ConsumerKey> key = key(rs);
          Consumer consumer =
              new Consumer(
                  id,
                  rs.getString(2),
                  rs.getString(3),
                  key,
                  subnets.getOrDefault(id, List.of()),
                  targets.getOrDefault(id, List.of()),
                  Instant.ofEpochMilli(rs.getLong(4)));
          out.add(new ConsumerStatus(consumer, activity(rs)));
        }
      }
    }
    return out;
  }

  private static Optional<ConsumerKey> key(ResultSet rs) throws SQLException {
    String name = rs.getString(5);
    if (name == null) {
      return Optional.empty();
    }
    String algorithm = rs.getString(6);
    Optional<KeyAlgorithm> a = KeyAlgorithm.parse(algorithm);
    if (a.isEmpty()) {
      throw new SQLException("TSIG key " + name + " has an unknown algorithm " + algorithm);
    }
    return Optional.of(ConsumerKey.of(name, a.get(), rs.getBytes(7)));
  }

  private static ConsumerActivity activity(ResultSet rs) throws SQLException {
    Long transferMillis = longOrNull(rs, 15);
    Long complete = longOrNull(rs, 17);
    return new ConsumerActivity(
        instantOrNull(rs, 8),
        longOrNull(rs, 9),
        rs.getString(10),
        instantOrNull(rs, 11),
        rs.getString(12) == null ? null : TransferKind.ofCode(rs.getString(12)).orElse(null),
        longOrNull(rs, 13),
        longOrNull(rs, 14),
        transferMillis == null ? null : Duration.ofMillis(transferMillis),
        rs.getString(16),
        complete == null ? null : complete != 0,
        rs.getLong(18));
  }

  private static Long longOrNull(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Instant instantOrNull(ResultSet rs, int column) throws SQLException {
    Long v = longOrNull(rs, column);
    return v == null ? null : Instant.ofEpochMilli(v);
  }

  private static Map<Long, List<String>> subnets(Connection c) throws SQLException {
    Map<Long, List<String>> out = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT consumer_id, cidr FROM consumer_subnets ORDER BY cidr");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    return out;
  }

  private static Map<Long, List<NotifyTarget>> targets(Connection c) throws SQLException {
    Map<Long, List<NotifyTarget>> out = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT consumer_id, address, port FROM consumer_notify_targets"
                    + " ORDER BY address, port");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
            .add(new NotifyTarget(rs.getString(2), rs.getInt(3)));
      }
    }
    return out;
  }
}
