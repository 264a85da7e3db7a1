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

class ConsumerRegistryTest {

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private static ConsumerRequest request(
      String name, String key, String algorithm, List<String> allow, List<String> notify) {
    return new ConsumerRequest(name, "Uni A", key, algorithm, allow, notify);
  }

  private static Consumer done(Mutation<Consumer> m) {
    assertThat(m).isInstanceOf(Mutation.Done.class);
    return ((Mutation.Done<Consumer>) m).value();
  }

  @Test
  void addGeneratesASecretOfTheAlgorithmsSizeAndKeepsItAcrossReopen() {
    Path file = dir.resolve("rpzx.db");
    byte[] secret;
    try (Database db = Database.open(file)) {
      new Directory(db, clock).addInstitution("Uni A");
      ConsumerRegistry registry = new ConsumerRegistry(db, clock);
      AtomicInteger changes = new AtomicInteger();
      registry.addChangeListener(changes::incrementAndGet);

      Consumer c =
          done(
              registry.add(
                  request(
                      "uni-a-bind",
                      "Uni-A-XFR.",
                      "HMAC-SHA384",
                      List.of("192.0.2.7/24", "2001:DB8::1/32", "192.0.2.0/24"),
                      List.of("192.0.2.53:53", "[2001:db8::53]:5300"))));
      assertThat(c.key()).isPresent();
      assertThat(c.key().get().name()).isEqualTo("uni-a-xfr");
      assertThat(c.key().get().algorithm()).isEqualTo(KeyAlgorithm.HMAC_SHA384);
      assertThat(c.key().get().secret()).hasSize(48);
      assertThat(c.key().get().toString()).doesNotContain(c.key().get().secretBase64());
      assertThat(c.subnets()).containsExactlyInAnyOrder("192.0.2.0/24", "2001:db8::/32");
      assertThat(c.notifyTargets())
          .containsExactlyInAnyOrder(
              new NotifyTarget("192.0.2.53", 53), new NotifyTarget("2001:db8::53", 5300));
      assertThat(changes).hasValue(1);
      secret = c.key().get().secret();

      Consumer sha256 = done(registry.add(request("uni-a-2", "k2", null, List.of(), List.of())));
      assertThat(sha256.key().get().algorithm()).isEqualTo(KeyAlgorithm.HMAC_SHA256);
      assertThat(sha256.key().get().secret()).hasSize(32).isNotEqualTo(secret);
    }
    try (Database db = Database.open(file)) {
      ConsumerRegistry registry = new ConsumerRegistry(db, clock);
      assertThat(registry.list())
          .extracting(s -> s.consumer().name())
          .containsExactly("uni-a-2", "uni-a-bind");
      assertThat(registry.show("UNI-A-BIND").orElseThrow().consumer().key().get().secret())
          .isEqualTo(secret);
    }
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    try (Database db = Database.open(dir.resolve("rpzx.db"))) {
      new Directory(db, clock).addInstitution("Uni A");
      ConsumerRegistry r = new ConsumerRegistry(db, clock);
      AtomicInteger changes = new AtomicInteger();
      r.addChangeListener(changes::incrementAndGet);
      List<String> net = List.of("10.0.0.0/8");

      assertThat(r.add(request("has space", null, null, net, List.of())))
          .isInstanceOf(Mutation.Invalid.class);
      assertThat(r.add(request("x", null, null, List.of(), List.of())))
          .as("neither key nor subnet")
          .isInstanceOf(Mutation.Invalid.class);
      assertThat(r.add(request("x", null, null, List.of("resolver.example"), List.of())))
          .as("a host name is not looked up")
          .isInstanceOf(Mutation.Invalid.class);
      assertThat(r.add(request("x", null, null, List.of("10.0.0.0/33"), List.of())))
          .isInstanceOf(Mutation.Invalid.class);
      assertThat(r.add(request("x", null, null, List.of("10.0.0.0/"), List.of())))
          .isInstanceOf(Mutation.Invalid.class);
      assertThat(r.add(request("x", null, null, net, List.of("resolver.example:53"))))
          .isInstanceOf(Mutation.Invalid.class);
      assertThat(r.add(request("x", null, null, net, List.of("192.0.2.1"))))
          .isInstanceOf(Mutation.Invalid.class);
      assertThat(r.add(request("x", null, null, net, List.of("192.0.2.1:0"))))
          .isInstanceOf(Mutation.Invalid.class);
      assertThat(r.add(request("x", null, null, net, List.of("2001:db8::1:53"))))
          .as("IPv6 needs brackets")
          .isInstanceOf(Mutation.Invalid.class);
      assertThat(r.add(request("x", "k", "hmac-md5", net, List.of())))
          .isInstanceOf(Mutation.Invalid.class);
      assertThat(r.add(request("x", "bad key name!", null, net, List.of())))
          .isInstanceOf(Mutation.Invalid.class);
      assertThat(r.add(request("x", null, "hmac-sha256", net, List.of())))
          .as("an algorithm without a key")
          .isInstanceOf(Mutation.Invalid.class);
      assertThat(r.add(new ConsumerRequest("x", "Nobody", null, null, net, List.of())))
          .isInstanceOf(Mutation.NotFound.class);

      assertThat(r.add(request("x", "k", null, net, List.of()))).isInstanceOf(Mutation.Done.class);
      assertThat(r.add(request("X", "k2", null, net, List.of())))
          .isInstanceOf(Mutation.Conflict.class);
      assertThat(r.add(request("y", "K.", null, net, List.of())))
          .as("the key name is taken")
          .isInstanceOf(Mutation.Conflict.class);
      assertThat(r.list()).hasSize(1);
      assertThat(changes).hasValue(1);
    }
  }

  @Test
  void transferLogKeepsTheLatestSoaCheckAndTransferAndGoesWithTheConsumer() {
    try (Database db = Database.open(dir.resolve("rpzx.db"))) {
      new Directory(db, clock).addInstitution("Uni A");
      ConsumerRegistry r = new ConsumerRegistry(db, clock);
      done(r.add(request("a", "ka", null, List.of(), List.of())));
      assertThat(r.show("a").orElseThrow().activity()).isEqualTo(ConsumerActivity.NONE);

      Instant t1 = Instant.parse("2026-01-01T00:01:00Z");
      Instant t2 = Instant.parse("2026-01-01T00:02:00Z");
      r.record(
          new TransferObservation(
              "a", TransferKind.AXFR, 100, 5000, Duration.ofMillis(12), "127.0.0.1", t1, true));
      r.record(
          new TransferObservation(
              "a", TransferKind.SOA_QUERY, 101, 80, Duration.ZERO, "127.0.0.2", t2, true));
      r.record(
          new TransferObservation(
              "a", TransferKind.IXFR, 101, 300, Duration.ofMillis(3), "127.0.0.1", t2, true));
      r.record(
          new TransferObservation(
              "gone", TransferKind.AXFR, 1, 1, Duration.ZERO, "127.0.0.1", t2, true));

      ConsumerActivity a = r.show("a").orElseThrow().activity();
      assertThat(a.soaCheckedAt()).isEqualTo(t2);
      assertThat(a.soaSerial()).isEqualTo(101);
      assertThat(a.soaClient()).isEqualTo("127.0.0.2");
      assertThat(a.transferKind()).isEqualTo(TransferKind.IXFR);
      assertThat(a.transferSerial()).isEqualTo(101);
      assertThat(a.transferBytes()).isEqualTo(300);
      assertThat(a.transferDuration()).isEqualTo(Duration.ofMillis(3));
      assertThat(a.transfers()).isEqualTo(2);
      assertThat(a.heldSerial()).isEqualTo(101);
      assertThat(a.lastContact()).isEqualTo(t2);

      assertThat(r.remove("a")).isInstanceOf(Mutation.Done.class);
      assertThat(r.remove("a")).isInstanceOf(Mutation.NotFound.class);
      assertThat(r.list()).isEmpty();
      assertThat(r.add(request("a2", "ka", null, List.of(), List.of())))
          .as("the key went with the consumer")
          .isInstanceOf(Mutation.Done.class);
    }
  }
}
