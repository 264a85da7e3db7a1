package org.rpzx.core.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
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
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    return new Issued(register(owner, scopes, name, secret), secret);
  }

  private ApiToken register(String owner, Set<String> scopes, String name, String secret) {
    byte[] id = new byte[9];
    RANDOM.nextBytes(id);
    String tokenId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    Instant now = clock.instant();
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO api_tokens (id, secret_hash, owner, scopes, name, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, tokenId);
            ps.setBytes(2, hash(secret));
            ps.setString(3, owner);
            ps.setString(4, String.join(" ", scopes));
            ps.setString(5, name);
            ps.setLong(6, now.toEpochMilli());
            ps.executeUpdate();
          }
          return null;
        });
    return new ApiToken(tokenId, owner, Set.copyOf(scopes), name, now, null);
  }

  /** The token a secret belongs to, if it is known and not revoked; records its use. */
  public Optional<ApiToken> authenticate(String secret) {
    if (secret == null || secret.isEmpty() || secret.length() > 256) {
      return Optional.empty();
    }
    byte[] h = hash(secret);
    long now = clock.millis();
    return db.inTransaction(
        c -> {
          ApiToken token;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, owner, scopes, name, created_at, last_used, secret_hash"
                      + " FROM api_tokens WHERE secret_hash = ? AND revoked_at IS NULL")) {
            ps.setBytes(1, h);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next() || !MessageDigest.isEqual(h, rs.getBytes(7))) {
                return Optional.<ApiToken>empty();
              }
              long lastUsed = rs.getLong(6);
              token =
                  new ApiToken(
                      rs.getString(1),
                      rs.getString(2),
                      new LinkedHashSet<>(Arrays.asList(rs.getString(3).split(" "))),
                      rs.getString(4),
                      Instant.ofEpochMilli(rs.getLong(5)),
                      rs.wasNull() ? null : Instant.ofEpochMilli(lastUsed));
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE api_tokens SET last_used = ? WHERE id = ?")) {
            ps.setLong(1, now);
            ps.setString(2, token.id());
            ps.executeUpdate();
          }
          return Optional.of(token);
        });
  }

  /**
   * Makes sure an operator token exists in {@code file} (created with mode 0600 on first start) and
   * that the store knows it; returns the secret.
   */
  public String ensureOperatorToken(Path file) {
    try {
      if (Files.exists(file)) {
        String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (authenticate(secret).isEmpty()) {
          register(ApiToken.OPERATOR, Set.of("admin"), "operator (from " + file + ")", secret);
        }
        return secret;
      }
      Issued issued = issue(ApiToken.OPERATOR, Set.of("admin"), "operator");
      Files.createDirectories(file.toAbsolutePath().getParent());
      writePrivate(file, issued.secret() + "\n");
      return issued.secret();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write operator token " + file, e);
    }
  }

  private static void writePrivate(Path file, String content) throws IOException {
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attrs =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(
                  Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
            }
            : new FileAttribute<?>[0];
    try {
      Files.createFile(file, attrs);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("token file appeared concurrently: " + file, e);
    }
    Files.writeString(
        file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
  }

  static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
