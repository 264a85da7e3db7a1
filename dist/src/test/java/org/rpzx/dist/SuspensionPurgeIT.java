package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.ZoneTransferIn;

/**
 * {@code rpzx institution suspend --purge} (SPEC §8) seen by a DNS client: the names only the
 * suspended institution submitted leave the zone in exactly one change set (an IXFR from the serial
 * before shows one difference sequence deleting exactly them), a name another institution also
 * submitted stays.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SuspensionPurgeIT extends GovernanceTestBase {

  private static final String OTHER = "cert@uni-b.example";

  @Test
  void purgeRemovesExclusiveNamesInOneSerialAndKeepsSharedOnes() throws Exception {
    service = startFromConfigFile();
    institution("Uni A", SENDER);
    institution("Uni B", OTHER);
    assertThat(mail(OTHER, "shared.example", "b-only.example")).startsWith("250 2.0.0");
    assertThat(mail(SENDER, "shared.example", "a1.example", "a2.example")).startsWith("250 2.0.0");
    long before = json("zone", "status").get("serial").asLong();

    RpzxHarness.CliResult purge =
        cli("institution", "suspend", "Uni A", "--reason", "poisoned feed", "--purge");
    assertThat(purge.exitCode()).as(purge.err()).isZero();
    long after = json("zone", "status").get("serial").asLong();
    assertThat(after).isNotEqualTo(before);
    assertThat(purge.out())
        .isEqualTo(
            "Uni A: suspended until resumed: poisoned feed\n"
                + "purged 2 names (zone serial "
                + after
                + ")\n");

    List<ZoneTransferIn.Delta> deltas = ixfr(before);
    assertThat(deltas).as("exactly one change set").hasSize(1);
    ZoneTransferIn.Delta d = deltas.get(0);
    assertThat(d.start).isEqualTo(before);
    assertThat(d.end).isEqualTo(after);
    assertThat(owners(d.adds)).isEmpty();
    assertThat(owners(d.deletes))
        .containsExactlyInAnyOrder("a1.example", "*.a1.example", "a2.example", "*.a2.example");
    assertThat(axfrNames()).containsExactly("b-only.example", "shared.example");

    assertThat(mail(SENDER, "again.example"))
        .isEqualTo("550 5.7.1 institution Uni A is suspended indefinitely: poisoned feed");
    JsonNode shared = json("entries", "show", "shared.example");
    List<String> sources = new ArrayList<>();
    shared.path("submitters").forEach(s -> sources.add(s.path("institution").asText()));
    assertThat(sources).containsExactly("Uni B");

    RpzxHarness.CliResult none =
        cli("institution", "suspend", "Uni B", "--reason", "test", "--purge", "--json");
    assertThat(none.exitCode()).isZero();
    assertThat(org.rpzx.dist.api.Json.MAPPER.readTree(none.out()).get("purged_names").asInt())
        .isEqualTo(2);
    assertThat(axfrNames()).isEmpty();
  }
}
