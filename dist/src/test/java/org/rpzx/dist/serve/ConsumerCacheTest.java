package org.rpzx.dist.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.consumer.Consumer;
import org.rpzx.core.consumer.ConsumerRegistry;
import org.rpzx.core.consumer.ConsumerRequest;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.store.Database;
import org.rpzx.dns.access.ConsumerInfo;
import org.rpzx.dns.query.TransferEvent;
import org.rpzx.dns.tsig.TsigAlgorithm;
import org.rpzx.dns.tsig.TsigKey;
import org.xbill.DNS.Name;

class ConsumerCacheTest {

  @TempDir Path dir;

  @Test
  void mapsStoredConsumersAndKeepsTheLastGoodListWhenTheStoreFails() throws Exception {
    Database db = Database.open(dir.resolve("rpzx.db"));
    new Directory(db, Clock.systemUTC()).addInstitution("Uni A");
    ConsumerRegistry registry = new ConsumerRegistry(db, Clock.systemUTC());
    ConsumerCache cache = new ConsumerCache(registry);
    registry.addChangeListener(cache::reload);
    assertThat(cache.consumers()).isEmpty();

    Mutation<Consumer> added =
        registry.add(
            new ConsumerRequest(
                "bind",
                "Uni A",
                "Bind-Key",
                "hmac-sha384",
                List.of("192.0.2.0/24"),
                List.of("192.0.2.53:53")));
    Consumer stored = ((Mutation.Done<Consumer>) added).value();
    assertThat(cache.consumers()).hasSize(1);
    ConsumerInfo info = cache.consumers().get(0);
    assertThat(info.name()).isEqualTo("bind");
    assertThat(info.institution()).isEqualTo("Uni A");
    assertThat(info.tsigKey()).contains(Name.fromString("bind-key."));
    assertThat(info.acceptsSource(InetAddress.getByName("192.0.2.9"))).isTrue();
    assertThat(info.acceptsSource(InetAddress.getByName("198.51.100.1"))).isFalse();
    assertThat(info.notifyTargets())
        .containsExactly(new InetSocketAddress(InetAddress.getByName("192.0.2.53"), 53));
    TsigKey key = cache.find(Name.fromString("BIND-KEY.")).orElseThrow();
    assertThat(key.algorithm()).isEqualTo(TsigAlgorithm.HMAC_SHA384);
    assertThat(key.secret()).isEqualTo(stored.key().orElseThrow().secret());
    assertThat(cache.find(Name.fromString("other."))).isEmpty();

    db.close();
    cache.reload(); // the store is gone: logged, the last good list stays
    assertThat(cache.consumers()).hasSize(1);
    assertThat(cache.find(Name.fromString("bind-key."))).isPresent();
  }

  @Test
  void transferLogRecordsKnownConsumersOffTheCallingThread() throws Exception {
    try (Database db = Database.open(dir.resolve("log.db"))) {
      ConsumerRegistry registry = labOnLoopback(db);
      InetAddress client = InetAddress.getLoopbackAddress();
      StoredTransferLog log = new StoredTransferLog(registry, Clock.systemUTC());
      log.record(
          new TransferEvent(
              client, "lab", TransferEvent.Kind.IXFR_FULL, 7, 900, Duration.ofMillis(5), true));
      log.record(
          new TransferEvent(
              client, "lab", TransferEvent.Kind.SOA_QUERY, 8, 90, Duration.ZERO, true));
      log.record(
          new TransferEvent(client, null, TransferEvent.Kind.AXFR, 9, 1, Duration.ZERO, true));
      log.record(
          new TransferEvent(client, "lab", TransferEvent.Kind.REFUSED, 9, 1, Duration.ZERO, true));
      log.close(); // drains the queue
      log.record(
          new TransferEvent(client, "lab", TransferEvent.Kind.AXFR, 10, 1, Duration.ZERO, true));

      var activity = registry.show("lab").orElseThrow().activity();
      assertThat(activity.transferKind().code()).isEqualTo("ixfr-full");
      assertThat(activity.transferSerial()).isEqualTo(7);
      assertThat(activity.transferBytes()).isEqualTo(900);
      assertThat(activity.soaSerial()).isEqualTo(8);
      assertThat(activity.transfers()).isEqualTo(1);
      assertThat(log.dropped()).as("the event after close").isEqualTo(1);
    }
  }

  /** SOA checks at an unchanged serial reach the store at most once a second per consumer. */
  @Test
  void soaChecksAreWrittenOncePerSecondUnlessTheSerialChanges() throws Exception {
    try (Database db = Database.open(dir.resolve("soa.db"))) {
      ConsumerRegistry registry = labOnLoopback(db);
      InetAddress first = InetAddress.getByName("127.0.0.1");
      InetAddress second = InetAddress.getByName("127.0.0.2");
      java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
      StoredTransferLog log = new StoredTransferLog(registry, Clock.systemUTC(), nanos::get);
      log.record(soa(first, 8)); // written
      log.record(soa(second, 8)); // same serial within the second: not written
      nanos.addAndGet(StoredTransferLog.SOA_CHECK_INTERVAL_NANOS - 1);
      log.record(soa(second, 8)); // still within the second
      log.close();
      var activity = registry.show("lab").orElseThrow().activity();
      assertThat(activity.soaSerial()).isEqualTo(8);
      assertThat(activity.soaClient()).isEqualTo("127.0.0.1");

      StoredTransferLog later = new StoredTransferLog(registry, Clock.systemUTC(), nanos::get);
      later.record(soa(first, 8));
      nanos.addAndGet(1);
      later.record(soa(second, 9)); // a new serial is written at once
      later.close();
      activity = registry.show("lab").orElseThrow().activity();
      assertThat(activity.soaSerial()).isEqualTo(9);
      assertThat(activity.soaClient()).isEqualTo("127.0.0.2");
    }
  }

  /** A registry with consumer "lab" of institution "Uni A" on 127.0.0.0/8. */
  private static ConsumerRegistry labOnLoopback(Database db) {
    new Directory(db, Clock.systemUTC()).addInstitution("Uni A");
    ConsumerRegistry registry = new ConsumerRegistry(db, Clock.systemUTC());
    registry.add(new ConsumerRequest("lab", "Uni A", null, null, List.of("127.0.0.0/8"), null));
    return registry;
  }

  private static TransferEvent soa(InetAddress client, long serial) {
    return new TransferEvent(
        client, "lab", TransferEvent.Kind.SOA_QUERY, serial, 90, Duration.ZERO, true);
  }
}
