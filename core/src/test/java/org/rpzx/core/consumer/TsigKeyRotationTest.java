package org.rpzx.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.store.Database;
import org.rpzx.core.testing.MutableClock;

/** TSIG keys as the operator sees them: listed without secrets, rotated in place. */
class TsigKeyRotationTest {

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private static <T> T done(Mutation<T> m) {
    assertThat(m).isInstanceOf(Mutation.Done.class);
    return ((Mutation.Done<T>) m).value();
  }

  @Test
  void listShowsKeysWithTheirConsumersAndRotationReplacesTheSecretDurably() {
    Path file = dir.resolve("rpzx.db");
    ConsumerKey rotated;
    try (Database db = Database.open(file)) {
      Directory directory = new Directory(db, clock);
      directory.addInstitution("Uni A");
      directory.addInstitution("Uni B");
      ConsumerRegistry r = new ConsumerRegistry(db, clock);
      AtomicInteger changes = new AtomicInteger();
      r.addChangeListener(changes::incrementAndGet);
      Consumer a =
          done(r.add(new ConsumerRequest("a-bind", "Uni A", "a-xfr", null, List.of(), List.of())));
      done(
          r.add(
              new ConsumerRequest(
                  "b-knot", "Uni B", "b-xfr", "hmac-sha512", List.of(), List.of())));
      done(r.add(new ConsumerRequest("b-plain", "Uni B", null, null, List.of("10.0.0.0/8"), null)));
      Instant created = clock.instant();

      assertThat(r.keys())
          .containsExactly(
              new TsigKeyInfo("a-xfr", KeyAlgorithm.HMAC_SHA256, "a-bind", "Uni A", created),
              new TsigKeyInfo("b-xfr", KeyAlgorithm.HMAC_SHA512, "b-knot", "Uni B", created));
      assertThat(r.keys().toString()).doesNotContain(a.key().orElseThrow().secretBase64());

      clock.advance(Duration.ofDays(90));
      int before = changes.get();
      RotatedKey k = done(r.rotateKey("A-XFR.", null));
      assertThat(changes.get()).as("listeners reload the keyring").isEqualTo(before + 1);
      assertThat(k.key().name()).isEqualTo("a-xfr");
      assertThat(k.key().algorithm()).isEqualTo(KeyAlgorithm.HMAC_SHA256);
      assertThat(k.key().secret()).hasSize(32).isNotEqualTo(a.key().orElseThrow().secret());
      assertThat(k.info())
          .isEqualTo(
              new TsigKeyInfo(
                  "a-xfr", KeyAlgorithm.HMAC_SHA256, "a-bind", "Uni A", clock.instant()));
      assertThat(r.show("a-bind").orElseThrow().consumer().key()).contains(k.key());

      RotatedKey upgraded = done(r.rotateKey("b-xfr", "hmac-sha384"));
      assertThat(upgraded.key().algorithm()).isEqualTo(KeyAlgorithm.HMAC_SHA384);
      assertThat(upgraded.key().secret()).hasSize(48);
      rotated = k.key();
    }
    try (Database db = Database.open(file)) {
      ConsumerRegistry r = new ConsumerRegistry(db, clock);
      assertThat(r.show("a-bind").orElseThrow().consumer().key()).contains(rotated);
    }
  }

  @Test
  void unknownKeysAndAlgorithmsAreRefusedAndChangeNothing() {
    try (Database db = Database.open(dir.resolve("rpzx.db"))) {
      new Directory(db, clock).addInstitution("Uni A");
      ConsumerRegistry r = new ConsumerRegistry(db, clock);
      Consumer a =
          done(r.add(new ConsumerRequest("a", "Uni A", "a-xfr", null, List.of(), List.of())));
      AtomicInteger changes = new AtomicInteger();
      r.addChangeListener(changes::incrementAndGet);

      assertThat(r.rotateKey("nope", null)).isInstanceOf(Mutation.NotFound.class);
      assertThat(r.rotateKey(null, null)).isInstanceOf(Mutation.NotFound.class);
      assertThat(r.rotateKey("a-xfr", "hmac-md5")).isInstanceOf(Mutation.Invalid.class);
      assertThat(changes).hasValue(0);
      assertThat(r.show("a").orElseThrow().consumer().key()).isEqualTo(a.key());
    }
  }
}
