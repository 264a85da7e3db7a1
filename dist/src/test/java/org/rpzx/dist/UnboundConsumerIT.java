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
 * Unbound as a consumer, configured with the {@code unbound} snippet of {@code docs/consumers.md}
 * and registered with its {@code unbound-consumer-add} command: admitted by source subnet (Unbound
 * has no TSIG for transfers), it pulls the zone by AXFR, enforces it, and follows a mailed
 * submission by NOTIFY and IXFR within seconds.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class UnboundConsumerIT extends ConsumerTestBase {

  static final Path UNBOUND = Path.of("/usr/sbin/unbound");
  private static final String CONSUMER = "uni-a-unbound";

  private ResolverProcess unbound;

  @AfterEach
  void stopUnbound() {
    if (unbound != null) {
      unbound.close(); // before the service (JUnit runs this before the base class's)
    }
  }

  @Test
  void unboundTransfersBySubnetFollowsNotifyAndEnforcesThePolicy() throws Exception {
    ResolverProcess.requireInstalled(UNBOUND, "unbound");
    startRpzx();
    long firstSerial = mail("first-evil.example\nshared.example\n");

    Path home = Files.createDirectories(dir.resolve("unbound"));
    int port = NamedProcess.reservePort();
    String added =
        runCliSnippet(
            "unbound-consumer-add",
            DocSnippets.replacing(
                "192.0.2.54/32", "127.0.0.1/32",
                "192.0.2.54:53", "127.0.0.1:" + port,
                "--primary 192.0.2.10", "--primary 127.0.0.1"));
    String snippet =
        doc.get(
            "unbound",
            DocSnippets.replacing(
                "192.0.2.10@53",
                "127.0.0.1@" + dnsPort(),
                "allow-notify: 192.0.2.10",
                "allow-notify: 127.0.0.1"));
    assertThat(added).as("rpzx consumer add prints the page's snippet").contains(snippet);

    Files.writeString(home.resolve("example.zone"), EXAMPLE_ZONE);
    Files.writeString(home.resolve("root.hints"), ROOT_HINTS);
    Files.writeString(home.resolve("unbound.conf"), harness(home, port) + snippet);
    unbound =
        ResolverProcess.start(
            "unbound", home, List.of(UNBOUND.toString(), "-d", "-c", "unbound.conf"));
    awaitAnswering(unbound, port, Duration.ofSeconds(20));

    // the first transfer is a full one
    awaitUpToDate(CONSUMER, firstSerial, Duration.ofSeconds(20));
    assertThat(lastTransferType(CONSUMER)).isEqualTo("axfr");
    assertPolicyEnforced(port, "first-evil.example", "shared.example");
    assertThat(address(port, "fresh-evil.example")).contains(LOCAL_ADDRESS);
    assertThat(unbound.log()).contains("rpz: applied [community.rpz] first-evil.example.");

    // a mailed submission: NOTIFY, IXFR, blocked within seconds (even though asked before)
    long serial = mail("fresh-evil.example\n");
    long ms = awaitBlocked(unbound, port, "fresh-evil.example", Duration.ofSeconds(5));
    assertThat(rcode(port, "fresh-evil.example")).isEqualTo(Rcode.NXDOMAIN);
    awaitUpToDate(CONSUMER, serial, Duration.ofSeconds(5));
    assertThat(lastTransferType(CONSUMER)).isEqualTo("ixfr");
    assertPolicyEnforced(port, "first-evil.example", "fresh-evil.example");
    System.out.printf("Unbound: blocked %d ms after the SMTP 250 (NOTIFY + IXFR)%n", ms);
  }

  /**
   * The server part that is the test's, not the page's: ports, directory, no daemon, no control.
   */
  private static String harness(Path home, int port) {
    return "server:\n"
        + "    interface: 127.0.0.1\n"
        + "    port: "
        + port
        + "\n"
        + "    do-ip6: no\n"
        + "    username: \"\"\n"
        + "    chroot: \"\"\n"
        + "    directory: \""
        + home
        + "\"\n"
        + "    pidfile: \""
        + home.resolve("unbound.pid")
        + "\"\n"
        + "    do-daemonize: no\n"
        + "    use-syslog: no\n"
        + "    logfile: \"\"\n"
        + "    verbosity: 1\n"
        + "    root-hints: \"root.hints\"\n"
        + "    access-control: 127.0.0.0/8 allow\n"
        + "auth-zone:\n"
        + "    name: \"example.\"\n"
        + "    zonefile: \"example.zone\"\n"
        + "    for-downstream: no\n"
        + "    for-upstream: yes\n"
        + "    fallback-enabled: no\n"
        + "remote-control:\n"
        + "    control-enable: no\n";
  }
}
