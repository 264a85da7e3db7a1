package org.rpzx.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.store.Database;

class TokenServiceTest {

  @TempDir Path dir;

  @Test
  void aTokenAuthenticatesAndOnlyItsHashIsStored() throws Exception {
    try (Database db = Database.open(dir.resolve("rpzx.db"))) {
      TokenService tokens = new TokenService(db, Clock.systemUTC());
      TokenService.Issued issued = tokens.issue("operator", Set.of("admin"), "test");
      assertThat(tokens.authenticate(issued.secret())).isPresent();
      assertThat(tokens.authenticate(issued.secret() + "x")).isEmpty();
      assertThat(tokens.authenticate("")).isEmpty();
      assertThat(tokens.authenticate(issued.secret()).orElseThrow().lastUsed()).isNotNull();
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
      assertThat(tokens.authenticate(secret).orElseThrow().isOperator()).isTrue();
    }
  }
}
