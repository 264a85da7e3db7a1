package org.rpzx.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.store.Database;
import org.rpzx.core.testing.MutableClock;

class TokenServiceTest {

  private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();

  @TempDir Path dir;

  @Test
  void limitsExpireRevokeAndRestrictTokens() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (Database db = Database.open(dir.resolve("rpzx.db"))) {
      TokenService tokens = new TokenService(db, clock);
      String aged =
          tokens
              .issue(
                  "operator",
                  Set.of("read"),
                  "aged",
                  new TokenLimits(Duration.ofDays(30), null, List.of()))
              .secret();
      String idle =
          tokens
              .issue(
                  "operator",
                  Set.of("read"),
                  "idle",
                  new TokenLimits(null, Duration.ofDays(7), List.of()))
              .secret();
      TokenService.Issued fenced =
          tokens.issue(
              "operator",
              Set.of("read"),
              "fenced",
              new TokenLimits(null, null, List.of("10.1.2.3/8", "2001:db8::/32")));
      assertThat(fenced.token().allowedSubnets()).containsExactly("10.0.0.0/8", "2001:db8::/32");
      assertThat(tokens.authenticate(fenced.secret(), LOCAL))
          .isInstanceOf(Authentication.SubnetNotAllowed.class);
      assertThat(tokens.authenticate(fenced.secret(), InetAddress.getByName("10.9.9.9")))
          .isInstanceOf(Authentication.Valid.class);
      assertThat(tokens.authenticate(fenced.secret(), InetAddress.getByName("2001:db8::1")))
          .isInstanceOf(Authentication.Valid.class);
      assertThat(tokens.authenticate(fenced.secret(), InetAddress.getByName("2001:db9::1")))
          .isInstanceOf(Authentication.SubnetNotAllowed.class);

      clock.advance(Duration.ofDays(6));
      assertThat(tokens.authenticate(idle, LOCAL)).isInstanceOf(Authentication.Valid.class);
      clock.advance(Duration.ofDays(6)); // 6 days since its last use: still live
      assertThat(tokens.authenticate(idle, LOCAL)).isInstanceOf(Authentication.Valid.class);
      clock.advance(Duration.ofDays(7));
      assertThat(tokens.authenticate(idle, LOCAL)).isInstanceOf(Authentication.Invalid.class);
      assertThat(tokens.authenticate(aged, LOCAL)).isInstanceOf(Authentication.Valid.class);
      clock.advance(Duration.ofDays(12));
      assertThat(tokens.authenticate(aged, LOCAL)).isInstanceOf(Authentication.Invalid.class);

      assertThat(tokens.list()).extracting(ApiToken::name).contains("fenced");
      assertThat(tokens.revoke(fenced.token().id())).isTrue();
      assertThat(tokens.revoke(fenced.token().id())).isFalse();
      assertThat(tokens.authenticate(fenced.secret(), InetAddress.getByName("10.9.9.9")))
          .isInstanceOf(Authentication.Invalid.class);
      assertThat(tokens.list()).extracting(ApiToken::name).doesNotContain("fenced");
    }
  }

  @Test
  void aTokenAuthenticatesAndOnlyItsHashIsStored() throws Exception {
    try (Database db = Database.open(dir.resolve("rpzx.db"))) {
      TokenService tokens = new TokenService(db, Clock.systemUTC());
      TokenService.Issued issued = tokens.issue("operator", Set.of("admin"), "test");
      assertThat(tokens.authenticate(issued.secret(), LOCAL))
          .isInstanceOf(Authentication.Valid.class);
      assertThat(tokens.authenticate(issued.secret() + "x", LOCAL))
          .isInstanceOf(Authentication.Invalid.class);
      assertThat(tokens.authenticate("", LOCAL)).isInstanceOf(Authentication.Invalid.class);
      assertThat(
              ((Authentication.Valid) tokens.authenticate(issued.secret(), LOCAL))
                  .token()
                  .lastUsed())
          .isNotNull();
    }
    byte[] file = Files.readAllBytes(dir.resolve("rpzx.db"));
    byte[] wal =
        Files.exists(dir.resolve("rpzx.db-wal"))
            ? Files.readAllBytes(dir.resolve("rpzx.db-wal"))
            : new byte[0];
    String all =
        new String(file, StandardCharsets.ISO_8859_1)
            + new String(wal, StandardCharsets.ISO_8859_1);
    assertThat(all).doesNotContain("rpzx_");
  }

  @Test
  void theOperatorTokenFileIsPrivateAndStableAcrossRestarts() throws Exception {
    Path file = dir.resolve("data/operator.token");
    String secret;
    try (Database db = Database.open(dir.resolve("rpzx.db"))) {
      secret = new TokenService(db, Clock.systemUTC()).ensureOperatorToken(file);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (Database db = Database.open(dir.resolve("rpzx.db"))) {
      TokenService tokens = new TokenService(db, Clock.systemUTC());
      assertThat(tokens.ensureOperatorToken(file)).isEqualTo(secret);
      assertThat(((Authentication.Valid) tokens.authenticate(secret, LOCAL)).token().isOperator())
          .isTrue();
    }
  }

  @Test
  void anEmptyTokenFileLeftByACrashIsReplacedNotRegistered() throws Exception {
    Path file = dir.resolve("data/operator.token");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "");
    try (Database db = Database.open(dir.resolve("rpzx.db"))) {
      TokenService tokens = new TokenService(db, Clock.systemUTC());
      String secret = tokens.ensureOperatorToken(file);
      assertThat(secret).startsWith("rpzx_");
      assertThat(Files.readString(file).strip()).isEqualTo(secret);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(tokens.authenticate("", LOCAL)).isNotInstanceOf(Authentication.Valid.class);
      assertThat(tokens.list()).hasSize(1);
    }
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("operator.token");
    }
  }
}
