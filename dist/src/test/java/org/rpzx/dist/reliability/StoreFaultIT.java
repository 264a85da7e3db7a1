package org.rpzx.dist.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store faults under the running packaged service (SPEC §2 "a failure to store is a temporary 451",
 * §10): the store's disk fills up, or its files become unwritable. Submissions get {@code 451
 * 4.3.0} by SMTP and 503 by HTTP, DNS keeps serving the last published zone, API calls that need
 * the store answer 503, the process stays up; once the fault is cleared the next submission is
 * accepted without a restart and nothing of the refused ones is anywhere.
 *
 * <p>The faults are real (they need root, as CI has): a tmpfs filled by a filler file, and {@code
 * chattr +i} on the database and its WAL. Where the environment cannot make them, the test is
 * skipped with the reason.
 */
class StoreFaultIT {

  private static final String COMMUNITY = "blocklist@rpzx.test";
  private static final String ORIGIN = CrashHarness.ORIGIN;

  @TempDir Path work;

  /** A fault that can be switched on and off under the running service. */
  private interface Fault {
    String name();

    void inject() throws Exception;

    void clear() throws Exception;

    /** What the log must name as the cause of the failed writes. */
    String cause();
  }

  @Test
  void aFullDiskIsATemporaryFailureAndTheServiceRecoversWhenSpaceIsBack() throws Exception {
    Path data = work.resolve("data");
    FileSystemFaults.Tmpfs tmpfs;
    try {
      tmpfs = FileSystemFaults.Tmpfs.mount(data, "32m");
    } catch (IOException e) {
      abort("cannot make a small file system for the disk-full fault here: " + e.getMessage());
      return;
    }
    try {
      exercise(
          data,
          new Fault() {
            @Override
            public String name() {
              return "disk full (32 MiB tmpfs filled)";
            }

            @Override
            public void inject() throws Exception {
              tmpfs.fill();
            }

            @Override
            public void clear() throws Exception {
              tmpfs.drain();
            }

            @Override
            public String cause() {
              return "store write failed.*SQLITE_FULL";
            }
          });
    } finally {
      tmpfs.close();
    }
  }

  @Test
  void unwritableStoreFilesAreATemporaryFailureAndTheServiceRecoversWhenWritableAgain()
      throws Exception {
    Path data = Files.createDirectories(work.resolve("data"));
    String unavailable = FileSystemFaults.immutableFaultUnavailable(data);
    if (unavailable != null) {
      abort("cannot make the store's files unwritable here: " + unavailable);
    }
    Path[] files = {data.resolve("rpzx.db"), data.resolve("rpzx.db-wal")};
    try {
      exercise(
          data,
          new Fault() {
            @Override
            public String name() {
              return "unwritable store files (chattr +i rpzx.db rpzx.db-wal)";
            }

            @Override
            public void inject() throws Exception {
              FileSystemFaults.immutable(true, files);
            }

            @Override
            public void clear() throws Exception {
              FileSystemFaults.immutable(false, files);
            }

            @Override
            public String cause() {
              return "store write failed.*SQLITE_(IOERR|READONLY)";
            }
          });
    } finally {
      FileSystemFaults.immutable(false, files); // or @TempDir cannot delete them
    }
  }

  private void exercise(Path data, Fault fault) throws Exception {
    Path config = work.resolve("rpzx.yaml");
    Path log = work.resolve("serve.log");
    ServeProcess.Ports ports = ServeProcess.writeConfig(config, data, COMMUNITY, "100ms");
    ZoneClient dns = new ZoneClient(ORIGIN, new InetSocketAddress("127.0.0.1", ports.dns()));
    try (ServeProcess server = ServeProcess.start(config, log, dns, Duration.ofSeconds(60))) {
      OperatorApi api =
          new OperatorApi("http://127.0.0.1:" + ports.api(), data.resolve("operator.token"));
      String token = api.registerSubmitter("Fault University", "cert@fault.example");
      Submitter submitter =
          new Submitter(ports.smtp(), "cert@fault.example", COMMUNITY, api.base(), token);

      Set<String> acked = new HashSet<>();
      send(submitter, true, "before-mail.fault.example", acked);
      send(submitter, false, "before-http.fault.example", acked);
      ZoneView before = awaitZoneWith(dns, acked);

      fault.inject();
      // Send until both channels have answered "try later" (a write can still fit in space the
      // store had already allocated; anything acknowledged meanwhile must be kept like any other)
      Set<String> refused = new HashSet<>();
      int ackedDuring = 0;
      int attempts = 0;
      String smtpReply = null;
      String httpReply = null;
      for (int i = 0; i < 40 && (smtpReply == null || httpReply == null); i++) {
        List<String> names =
            List.of("during-" + i + "-a.fault.example", "during-" + i + "-b.fault.example");
        boolean smtp = i % 2 == 0;
        attempts++;
        Submitter.Reply r = smtp ? submitter.mail(names) : submitter.post(names);
        switch (r.kind()) {
          case ACKNOWLEDGED -> {
            acked.addAll(names);
            ackedDuring++;
          }
          case TEMPORARY_FAILURE -> {
            refused.addAll(names);
            if (smtp) {
              smtpReply = r.text(); // the reply line: code, enhanced status, text
            } else {
              httpReply = r.code() + " " + r.text();
            }
          }
          default -> throw new AssertionError("during the fault: " + r);
        }
      }
      assertThat(smtpReply).as("SMTP answer during the fault").startsWith("451").contains("4.3.0");
      assertThat(httpReply).as("HTTP answer during the fault").startsWith("503");

      // DNS keeps serving the last published zone; the process is up; store-bound API calls 503
      assertThat(server.isAlive()).isTrue();
      ZoneView during = dns.axfr();
      assertThat(during.owners()).containsAll(before.owners());
      assertThat(during.names(ORIGIN)).doesNotContainAnyElementsOf(refused);
      HttpResponse<String> entries = api.get("/api/v1/entries?limit=10");
      assertThat(entries.statusCode()).as(entries.body()).isEqualTo(503);
      assertThat(entries.body()).contains("the store is unavailable").doesNotContain("Exception");
      assertThat(api.get("/healthz").statusCode()).isEqualTo(200);
      // the operator's log names SQLite's own error, not a follow-on one
      String logged = Files.readString(log);
      assertThat(logged).containsPattern(fault.cause()).doesNotContain("no transaction is active");

      fault.clear();
      // no restart: the next submissions are accepted and published
      long cleared = System.nanoTime();
      send(submitter, true, "after-mail.fault.example", acked);
      send(submitter, false, "after-http.fault.example", acked);
      ZoneView after = awaitZoneWith(dns, acked);
      long recoveredMillis = (System.nanoTime() - cleared) / 1_000_000;
      assertThat(server.isAlive()).isTrue();

      // nothing half-applied: the zone is exactly the store's in-zone entries, nothing is left
      // pending, nothing of the refused submissions is stored, and IXFR agrees with AXFR
      assertThat(after.names(ORIGIN)).isEqualTo(acked);
      assertThat(api.activeEntries()).isEqualTo(acked);
      HttpResponse<String> all = api.get("/api/v1/entries?state=all&limit=1000");
      assertThat(all.statusCode()).isEqualTo(200);
      for (String name : refused) {
        assertThat(all.body()).doesNotContain("\"" + name + "\"");
      }
      ZoneClient.IxfrOutcome ixfr = dns.ixfr(before);
      assertThat(ixfr.result()).isEqualTo(after);

      System.out.printf(
          "store fault %s: %d submissions during the fault (%d acknowledged), SMTP \"%s\","
              + " HTTP \"%s\", API GET %d, DNS kept serial %d; cleared: SMTP 250 + HTTP 201 +"
              + " both in the zone %d ms later, serial %d, no restart%n",
          fault.name(),
          attempts,
          ackedDuring,
          smtpReply.strip(),
          httpReply.strip(),
          entries.statusCode(),
          during.serial(),
          recoveredMillis,
          after.serial());
      server.close();
      StoreSnapshot stored = StoreSnapshot.read(data.resolve("rpzx.db"));
      assertThat(stored.serial()).isEqualTo(after.serial());
      assertThat(stored.inZone()).isEqualTo(acked);
      assertThat(stored.allNames()).isEqualTo(acked);
      assertThat(stored.replayFrom(before.serial(), before.names(ORIGIN))).isEqualTo(acked);
    }
  }

  /** Submits {@code name} by SMTP or HTTP; it must be acknowledged. */
  private static void send(Submitter submitter, boolean smtp, String name, Set<String> acked) {
    Submitter.Reply r = smtp ? submitter.mail(List.of(name)) : submitter.post(List.of(name));
    assertThat(r.kind()).as(name + ": " + r).isEqualTo(Submitter.Kind.ACKNOWLEDGED);
    acked.add(name);
  }

  private static ZoneView awaitZoneWith(ZoneClient dns, Set<String> names) throws Exception {
    Set<String> owners = ZoneView.ownersOf(names, ORIGIN);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    ZoneView zone = dns.axfr();
    while (!zone.owners().containsAll(owners) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      zone = dns.axfr();
    }
    assertThat(zone.names(ORIGIN)).as("zone").containsAll(names);
    return zone;
  }
}
