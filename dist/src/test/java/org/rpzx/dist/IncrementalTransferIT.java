package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rpzx.dist.serve.RpzxService;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/**
 * dnsjava's {@link ZoneTransferIn} as an IXFR client of the whole service: the journal survives a
 * restart (an IXFR from a serial before the restart is still incremental), and entries that expire
 * (lifetime 3 s, swept every second, set in a configuration file) leave as deletions in IXFR.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IncrementalTransferIT extends ServiceTestBase {

  private static final Name ZONE = Name.fromConstantString("community.rpz.");

  private RpzxService start() throws Exception {
    return startFromConfigFile(
        "entries:", "  lifetime: 3s", "  sweep-interval: 1s", "  coalesce-window: 100ms");
  }

  private ZoneTransferIn ixfr(long fromSerial) throws Exception {
    InetSocketAddress dns = service.dnsTcpAddress();
    ZoneTransferIn xfr =
        ZoneTransferIn.newIXFR(ZONE, fromSerial, false, dns.getHostString(), dns.getPort(), null);
    xfr.setTimeout(Duration.ofSeconds(10));
    xfr.run();
    return xfr;
  }

  private long serial() {
    return service.zone().current().serial();
  }

  private static List<String> owners(List<Record> records) {
    List<String> out = new ArrayList<>();
    for (Record r : records) {
      if (r.getType() == Type.CNAME) {
        out.add(r.getName().relativize(ZONE).toString());
      }
    }
    return out;
  }

  @Test
  void ixfrStaysIncrementalAcrossARestartAndCarriesExpiries() throws Exception {
    service = start();
    assertThat(RpzxHarness.cli(service, "institution", "add", "Uni A").exitCode()).isZero();
    assertThat(
            RpzxHarness.cli(service, "sender", "add", SENDER, "--institution", "Uni A").exitCode())
        .isZero();
    assertThat(RpzxHarness.mail(service, SENDER, COMMUNITY, "a1.example\na2.example\n"))
        .startsWith("250");
    long s1 = serial();
    assertThat(RpzxHarness.mail(service, SENDER, COMMUNITY, "b1.example\n")).startsWith("250");
    long s2 = serial();
    assertThat(s2).isNotEqualTo(s1);

    service.close();
    try (org.rpzx.core.store.Database db =
        org.rpzx.core.store.Database.open(service.dataDir().resolve("rpzx.db"))) {
      assertThat(db.read(org.rpzx.core.store.ZoneStore::imageSerial))
          .as("the clean stop saved the zone image the restart starts from (ADR 0011)")
          .contains(s2);
    }
    service = start();

    ZoneTransferIn across = ixfr(s1);
    assertThat(across.isIXFR()).as("incremental after a restart").isTrue();
    assertThat(across.isAXFR()).isFalse();
    List<String> added = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    for (ZoneTransferIn.Delta d : across.getIXFR()) {
      added.addAll(owners(d.adds));
      deleted.addAll(owners(d.deletes));
    }
    assertThat(added).contains("b1.example", "*.b1.example");
    // the a-names may have expired by now (3 s): then, and only then, they are deletions
    assertThat(deleted).isSubsetOf("a1.example", "*.a1.example", "a2.example", "*.a2.example");

    // every entry expires 3 s after its submission; the sweep publishes that as deletions
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (service.zone().current().nameCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(service.zone().current().nameCount()).isZero();
    ZoneTransferIn expiry = ixfr(s2);
    assertThat(expiry.isIXFR()).isTrue();
    List<String> gone = new ArrayList<>();
    List<String> back = new ArrayList<>();
    for (ZoneTransferIn.Delta d : expiry.getIXFR()) {
      gone.addAll(owners(d.deletes));
      back.addAll(owners(d.adds));
    }
    assertThat(gone)
        .containsExactlyInAnyOrder(
            "a1.example",
            "*.a1.example",
            "a2.example",
            "*.a2.example",
            "b1.example",
            "*.b1.example");
    assertThat(back).isEmpty();
  }
}
