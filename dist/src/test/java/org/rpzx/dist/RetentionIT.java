package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rpzx.dist.api.Json;

/**
 * SPEC §7, retention of submission records: with {@code privacy.submission-retention: 2s} the
 * retention run at start deletes the submissions older than that ({@code rpzx submissions list} no
 * longer shows them) while their names stay in the zone with their own expiry, and a newer
 * submission is kept.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RetentionIT extends ServiceTestBase {

  private static final String[] SHORT_RETENTION = {"privacy:", "  submission-retention: 2s"};

  private RpzxHarness.CliResult cli(String... args) {
    return RpzxHarness.cli(service, args);
  }

  private List<Long> listedSubmissions() throws Exception {
    RpzxHarness.CliResult list = cli("submissions", "list", "--json");
    assertThat(list.exitCode()).as(list.err()).isZero();
    List<Long> ids = new ArrayList<>();
    for (JsonNode s : Json.MAPPER.readTree(list.out())) {
      ids.add(s.get("id").asLong());
    }
    return ids;
  }

  private long submit(String domainsTxt) throws Exception {
    String reply = RpzxHarness.mail(service, SENDER, COMMUNITY, domainsTxt);
    assertThat(reply).startsWith("250 2.0.0 submission ");
    return Long.parseLong(reply.replaceAll("^250 2\\.0\\.0 submission (\\d+):.*$", "$1"));
  }

  @Test
  void oldSubmissionsAreDeletedAtStartWhileTheirNamesStayInTheZone() throws Exception {
    service = startFromConfigFile(SHORT_RETENTION);
    assertThat(cli("institution", "add", "Example University").exitCode()).isZero();
    assertThat(cli("sender", "add", SENDER, "--institution", "Example University").exitCode())
        .isZero();
    long first = submit("old-one.example\nhttp://rejected.example/\n");
    long second = submit("old-two.example\n");
    assertThat(listedSubmissions()).containsExactlyInAnyOrder(first, second);
    service.close();
    service = null;

    Thread.sleep(2500); // older than the retention now
    service = startFromConfigFile(SHORT_RETENTION);
    long fresh = submit("fresh.example\n");
    assertThat(fresh).as("ids are never given out again").isGreaterThan(second);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (listedSubmissions().contains(first) && System.nanoTime() < deadline) {
      Thread.sleep(100); // the first run is on the retention thread, right after start
    }
    assertThat(listedSubmissions()).as("only the new one is left").containsExactly(fresh);
    RpzxHarness.CliResult show = cli("submissions", "show", String.valueOf(first));
    assertThat(show.exitCode()).as("deleted: not found").isEqualTo(5);
    for (String name : List.of("old-one.example", "old-two.example", "fresh.example")) {
      assertThat(service.zone().current().contains(name)).as(name + " is still listed").isTrue();
    }
    RpzxHarness.CliResult entry = cli("entries", "show", "old-one.example", "--json");
    assertThat(entry.exitCode()).as(entry.err()).isZero();
    assertThat(Json.MAPPER.readTree(entry.out()).get("active").asBoolean()).isTrue();
  }
}
