package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Rcode;

/**
 * PowerDNS Recursor 4.8 as a consumer, configured with the {@code pdns-lua} snippet of {@code
 * docs/consumers.md} (its {@code lua-config-file}) and registered with its {@code
 * pdns-consumer-add} command: it transfers with the consumer's TSIG key (rpzx refuses unsigned
 * transfers here), enforces the zone, and picks up a mailed submission by IXFR at its next SOA
 * check ({@code refresh=60}, as the page says: Recursor 4.8 does not act on NOTIFY for RPZ, so this
 * test waits up to about a minute).
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class PowerDnsRecursorConsumerIT extends ConsumerTestBase {

  static final Path PDNS_RECURSOR = Path.of("/usr/sbin/pdns_recursor");
  private static final String CONSUMER = "uni-a-pdns";

  private ResolverProcess recursor;

  @AfterEach
  void stopRecursor() {
    if (recursor != null) {
      recursor.close(); // before the service (JUnit runs this before the base class's)
    }
  }

  @Test
  void recursorTransfersWithTsigFollowsByRefreshAndEnforcesThePolicy() throws Exception {
    ResolverProcess.requireInstalled(PDNS_RECURSOR, "pdns-recursor");
    startRpzx();
    long firstSerial = mail("first-evil.example\nshared.example\n");

    Path home = Files.createDirectories(dir.resolve("pdns"));
    int port = NamedProcess.reservePort();
    String added =
        runCliSnippet(
            "pdns-consumer-add",
            DocSnippets.replacing(
                "192.0.2.55/32", "127.0.0.1/32", "--primary 192.0.2.10", "--primary 127.0.0.1"));
    String secret = secretFrom(added);
    String snippet =
        doc.get(
            "pdns-lua",
            DocSnippets.replacing(
                "192.0.2.10:53",
                "127.0.0.1:" + dnsPort(),
                DocSnippets.EXAMPLE_TSIG_SECRET,
                secret));
    assertThat(added).as("rpzx consumer add prints the page's snippet").contains(snippet);

    Files.writeString(home.resolve("example.zone"), EXAMPLE_ZONE);
    Files.writeString(home.resolve("root.hints"), ROOT_HINTS);
    Files.writeString(home.resolve("recursor.lua"), snippet);
    Files.writeString(home.resolve("recursor.conf"), harness(home, port));
    recursor =
        ResolverProcess.start(
            "pdns_recursor", home, List.of(PDNS_RECURSOR.toString(), "--config-dir=" + home));
    awaitAnswering(recursor, port, Duration.ofSeconds(20));

    // the first transfer is a full one, signed
    awaitUpToDate(CONSUMER, firstSerial, Duration.ofSeconds(20));
    assertThat(lastTransferType(CONSUMER)).isEqualTo("axfr");
    assertThat(recursor.log()).contains("Using TSIG key for authentication", "RPZ load completed");
    assertPolicyEnforced(port, "first-evil.example", "shared.example");
    assertThat(address(port, "before.fresh-evil.example")).contains(LOCAL_ADDRESS);

    // a mailed submission arrives at the next SOA check (refresh=60), by IXFR
    long serial = mail("fresh-evil.example\n");
    long ms = awaitBlocked(recursor, port, "fresh-evil.example", Duration.ofSeconds(80));
    assertThat(rcode(port, "fresh-evil.example")).isEqualTo(Rcode.NXDOMAIN);
    awaitUpToDate(CONSUMER, serial, Duration.ofSeconds(5));
    assertThat(lastTransferType(CONSUMER)).isEqualTo("ixfr");
    assertThat(recursor.log()).contains("RPZ mutations");
    assertPolicyEnforced(port, "first-evil.example", "fresh-evil.example");
    System.out.printf("PowerDNS Recursor: blocked %d ms after the SMTP 250 (refresh=60)%n", ms);
  }

  /** recursor.conf: the test's ports and directory; the page's snippet is the Lua file. */
  private static String harness(Path home, int port) {
    return String.join(
        "\n",
        "local-address=127.0.0.1",
        "local-port=" + port,
        "socket-dir=" + home,
        "daemon=no",
        "disable-syslog=yes",
        "threads=1",
        "dnssec=off",
        "security-poll-suffix=",
        "hint-file=" + home.resolve("root.hints"),
        "auth-zones=example=" + home.resolve("example.zone"),
        "lua-config-file=" + home.resolve("recursor.lua"),
        "log-rpz-changes=yes",
        "loglevel=6",
        "");
  }
}
