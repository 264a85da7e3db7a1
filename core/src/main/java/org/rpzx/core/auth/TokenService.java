package org.rpzx.core.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rpzx.core.consumer.AddressLiterals;
import org.rpzx.core.store.Database;

/**
 * Issues and checks API tokens. Only the SHA-256 of a secret is stored; a presented secret is
 * hashed and looked up by hash, so the secret itself is never compared or kept.
 */
public final class TokenService {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "rpzx_";

  private final Database db;
  private final Clock clock;

  public TokenService(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A new token: the secret is returned once and never stored. */
  public record Issued(ApiToken token, String secret) {}

  public Issued issue(String owner, Set<String> scopes, String name) {
    return issue(owner, scopes, name, TokenLimits.NONE);
  }

  /**
   * A new token with limits; subnets are canonicalised.
   *
   * @throws IllegalArgumentException for a bad subnet
   */
  public Issued issue(String owner, Set<String> scopes, String name, TokenLimits limits) {
    List<String> subnets = new ArrayList<>();
    for (String s : limits.allowedSubnets()) {
      subnets.add(AddressLiterals.canonicalCidr(s));
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    TokenLimits canonical = new TokenLimits(limits.maxAge(), limits.maxUnusedPeriod(), subnets);
    return new Issued(register(owner, scopes, name, secret, canonical), secret);
  }

  private ApiToken register(
      String owner, Set<String> scopes, String name, String secret, TokenLimits limits) {
    byte[] id = new byte[9];
    RANDOM.nextBytes(id);
    String tokenId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    Instant now = clock.instant();
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO api_tokens (id, secret_hash, owner, scopes, name, created_at,"
                      + " max_age, max_unused_period, allowed_subnets)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, tokenId);
            ps.setBytes(2, hash(secret));
            ps.setString(3, owner);
            ps.setString(4, String.join(" ", scopes));
            ps.setString(5, name);
            ps.setLong(6, now.toEpochMilli());
            ps.setObject(7, limits.maxAge() == null ? null : limits.maxAge().toSeconds());
            ps.setObject(
                8, limits.maxUnusedPeriod() == null ? null : limits.maxUnusedPeriod().toSeconds());
            ps.setString(
                9,
                limits.allowedSubnets().isEmpty()
                    ? null
                    : String.join(" ", limits.allowedSubnets()));
            ps.executeUpdate();
          }
          return null;
        });
    return new ApiToken(
        tokenId,
        owner,
        scopes,
        name,
        now,
        null,
        limits.maxAge(),
        limits.maxUnusedPeriod(),
        limits.allowedSubnets());
  }

  private static final String COLUMNS =
      "id, owner, scopes, name, created_at, last_used, max_age, max_unused_period,"
          + " allowed_subnets";

  private static ApiToken row(ResultSet rs) throws java.sql.SQLException {
    long lastUsed = rs.getLong(6);
    Instant last = rs.wasNull() ? null : Instant.ofEpochMilli(lastUsed);
    long maxAge = rs.getLong(7);
    Duration age = rs.wasNull() ? null : Duration.ofSeconds(maxAge);
    long maxUnused = rs.getLong(8);
    Duration unused = rs.wasNull() ? null : Duration.ofSeconds(maxUnused);
    String subnets = rs.getString(9);
    return new ApiToken(
        rs.getString(1),
        rs.getString(2),
        new LinkedHashSet<>(Arrays.asList(rs.getString(3).split(" "))),
        rs.getString(4),
        Instant.ofEpochMilli(rs.getLong(5)),
        last,
        age,
        unused,
        subnets == null || subnets.isBlank() ? List.of() : List.of(subnets.split(" ")));
  }

  /**
   * What {@code secret} presented from {@code source} amounts to: valid (its use is recorded),
   * invalid (unknown, expired or revoked) or used from a subnet it is not allowed from.
   */
  public Authentication authenticate(String secret, InetAddress source) {
    if (secret == null || secret.isEmpty() || secret.length() > 256) {
      return new Authentication.Invalid();
    }
    byte[] h = hash(secret);
    Instant now = clock.instant();
    return db.inTransaction(
        c -> {
          ApiToken token;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + ", secret_hash FROM api_tokens"
                      + " WHERE secret_hash = ? AND revoked_at IS NULL")) {
            ps.setBytes(1, h);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next() || !MessageDigest.isEqual(h, rs.getBytes(10))) {
                return new Authentication.Invalid();
              }
              token = row(rs);
            }
          }
          if (token.isExpiredAt(now)) {
            return new Authentication.Invalid();
          }
          if (!Subnets.contains(token.allowedSubnets(), source)) {
            return new Authentication.SubnetNotAllowed(token);
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE api_tokens SET last_used = ? WHERE id = ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, token.id());
            ps.executeUpdate();
          }
          return new Authentication.Valid(token);
        });
  }

  /** Every token that is not revoked, oldest first (never a secret). */
  public List<ApiToken> list() {
    return db.inTransaction(
        c -> {
          List<ApiToken> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT "
                          + COLUMNS
                          + " FROM api_tokens WHERE revoked_at IS NULL ORDER BY created_at, id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(row(rs));
            }
          }
          return out;
        });
  }

  /** Revokes a token; false if there is no live token with that id. */
  public boolean revoke(String id) {
    long now = clock.millis();
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            ps.setLong(1, now);
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
          }
        });
  }

  private boolean known(String secret) {
    byte[] h = hash(secret);
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM api_tokens WHERE secret_hash = ? AND revoked_at IS NULL")) {
            ps.setBytes(1, h);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /**
   * Makes sure an operator token exists in {@code file} (created with mode 0600 on first start) and
   * that the store knows it; returns the secret.
   */
  public String ensureOperatorToken(Path file) {
    try {
      String existing =
          Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).strip() : "";
      if (!existing.isEmpty()) {
        String secret = existing;
        if (!known(secret)) {
          register(
              ApiToken.OPERATOR,
              Set.of("admin"),
              "operator (from " + file + ")",
              secret,
              TokenLimits.NONE);
        }
        return secret;
      }
      // none yet, or an empty file left by a crash before the old non-atomic write: a new one
      Issued issued = issue(ApiToken.OPERATOR, Set.of("admin"), "operator");
      Files.createDirectories(file.toAbsolutePath().getParent());
      writePrivate(file, issued.secret() + "\n");
      return issued.secret();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write operator token " + file, e);
    }
  }

  /**
   * Writes {@code content} to a private (0600) temporary file next to {@code file} and renames it
   * into place, so that a crash never leaves an empty or partial token file behind.
   */
  private static void writePrivate(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attrs =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(
                  Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
            }
            : new FileAttribute<?>[0];
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp", attrs);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
