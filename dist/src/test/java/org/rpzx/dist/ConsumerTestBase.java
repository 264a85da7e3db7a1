package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rpzx.dist.api.Json;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * rpzx in-process with one institution and one authorized sender, and what every consumer IT needs
 * around a real resolver: the {@code docs/consumers.md} snippets, DNS questions to the resolver,
 * and the consumer's state as {@code rpzx zone status} reports it.
 *
 * <p>Resolution is deterministic without internet: each resolver serves a local zone {@code
 * example.} in which every name has the address {@link #LOCAL_ADDRESS}. A listed name under it is
 * NXDOMAIN only because the policy says so; an unlisted one gets that address.
 */
abstract class ConsumerTestBase extends ServiceTestBase {

  static final String INSTITUTION = "Example University";

  /** The address of every name in the resolvers' local {@code example.} zone. */
  static final String LOCAL_ADDRESS = "192.0.2.1";

  /** That zone as a zone file. */
  static final String EXAMPLE_ZONE =
      "$ORIGIN example.\n"
          + "@ 3600 IN SOA ns.example. hostmaster.example. 1 3600 600 86400 60\n"
          + "@ 3600 IN NS ns.example.\n"
          + "ns 3600 IN A 192.0.2.53\n"
          + "* 3600 IN A "
          + LOCAL_ADDRESS
          + "\n";

  /** Root hints where nothing listens: recursion outside {@code example.} fails, offline. */
  static final String ROOT_HINTS =
      ".  3600000 IN NS a.root.invalid.\na.root.invalid. 3600000 IN A 127.0.0.254\n";

  final DocSnippets doc = DocSnippets.load("consumers.md");

  /** rpzx with transfers for registered consumers only, a short coalescing window, a sender. */
  void startRpzx() throws Exception {
    service =
        startFromConfigFile(
            "dns:",
            "  listen: 127.0.0.1:0",
            "  allow-transfer: []        # consumers only",
            "entries:",
            "  coalesce-window: 200ms");
    assertThat(RpzxHarness.cli(service, "institution", "add", INSTITUTION).exitCode()).isZero();
    assertThat(
            RpzxHarness.cli(service, "sender", "add", SENDER, "--institution", INSTITUTION)
                .exitCode())
        .isZero();
  }

  /** Mails {@code names} as domains.txt; asserts the 250 and returns the serial it published. */
  long mail(String names) throws Exception {
    String reply = RpzxHarness.mail(service, SENDER, COMMUNITY, names);
    assertThat(reply).startsWith("250 2.0.0 submission ");
    return service.zone().current().serial();
  }

  /**
   * Runs the rpzx command line of snippet {@code id} (an operator's {@code rpzx ...}) with the
   * example values replaced; asserts it succeeded and returns its output.
   */
  String runCliSnippet(String id, Map<String, String> replacements) {
    List<String> words = DocSnippets.shellWords(doc.get(id, replacements));
    RpzxHarness.CliResult r = RpzxHarness.cli(service, words.toArray(new String[0]));
    assertThat(r.exitCode()).as("rpzx %s: %s", words, r.err()).isZero();
    return r.out();
  }

  /** The TSIG secret in the output of {@code rpzx consumer add ... --tsig-key}. */
  static String secretFrom(String out) {
    String marker = "store it now:";
    assertThat(out).contains(marker);
    String after = out.substring(out.indexOf(marker) + marker.length()).strip();
    return after.substring(0, after.indexOf('\n')).strip();
  }

  int dnsPort() {
    return service.dnsTcpAddress().getPort();
  }

  // --- asking the resolver ------------------------------------------------------------------

  static Message ask(int port, String name) throws IOException {
    SimpleResolver r = new SimpleResolver(InetAddress.getLoopbackAddress());
    r.setPort(port);
    r.setTimeout(Duration.ofSeconds(2));
    return r.send(
        Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN)));
  }

  static int rcode(int port, String name) throws IOException {
    return ask(port, name).getRcode();
  }

  /** The first A record's address in the answer, if any. */
  static Optional<String> address(int port, String name) throws IOException {
    return ask(port, name).getSection(Section.ANSWER).stream()
        .filter(r -> r instanceof ARecord)
        .map(r -> ((ARecord) r).getAddress().getHostAddress())
        .findFirst();
  }

  /** Waits until the resolver answers at all (it has loaded its configuration and listens). */
  static void awaitAnswering(ResolverProcess resolver, int port, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      resolver.assertAlive();
      try {
        ask(port, "ns.example");
        return;
      } catch (IOException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw new AssertionError(
        "resolver did not answer within " + within + " (" + last + "):\n" + resolver.log());
  }

  /**
   * Polls until {@code name} is NXDOMAIN; returns the milliseconds it took. Each poll asks a new
   * name below it ({@code pN.name}, blocked by the {@code *.name} trigger), so that no resolver
   * cache holds an answer from before the policy changed; then {@code name} itself.
   */
  static long awaitBlocked(ResolverProcess resolver, int port, String name, Duration within)
      throws Exception {
    long start = System.nanoTime();
    long deadline = start + within.toNanos();
    for (int i = 0; System.nanoTime() < deadline; i++) {
      resolver.assertAlive();
      try {
        if (rcode(port, "p" + i + "." + name) == Rcode.NXDOMAIN) {
          return (System.nanoTime() - start) / 1_000_000;
        }
      } catch (IOException e) {
        // a timeout: ask again
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        name + " was not blocked within " + within + "; resolver log:\n" + resolver.log());
  }

  /** The listed names and everything below them are NXDOMAIN; an unlisted name resolves. */
  static void assertPolicyEnforced(int port, String... listed) throws IOException {
    for (String name : listed) {
      assertThat(rcode(port, name)).as(name).isEqualTo(Rcode.NXDOMAIN);
      assertThat(rcode(port, "deep.sub." + name)).as("below " + name).isEqualTo(Rcode.NXDOMAIN);
    }
    assertThat(rcode(port, "not-listed.example")).isEqualTo(Rcode.NOERROR);
    assertThat(address(port, "not-listed.example"))
        .as("an unlisted name gets the local zone's answer")
        .contains(LOCAL_ADDRESS);
  }

  // --- the consumer as rpzx sees it ---------------------------------------------------------

  /** The consumer's line of {@code rpzx zone status --json}. */
  JsonNode zoneStatusOf(String consumer) throws IOException {
    RpzxHarness.CliResult r = RpzxHarness.cli(service, "zone", "status", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    for (JsonNode c : Json.MAPPER.readTree(r.out()).get("consumers")) {
      if (c.get("name").asText().equals(consumer)) {
        return c;
      }
    }
    throw new AssertionError("zone status does not list " + consumer + ":\n" + r.out());
  }

  /** Waits until {@code rpzx zone status} shows {@code consumer} up to date at {@code serial}. */
  void awaitUpToDate(String consumer, long serial, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    JsonNode seen = null;
    while (System.nanoTime() < deadline) {
      seen = zoneStatusOf(consumer);
      if (seen.get("serial").asLong() == serial
          && seen.get("state").asText().equals("up-to-date")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        consumer + " not up to date at " + serial + " within " + within + ": " + seen);
  }

  /** The type ({@code axfr}/{@code ixfr}) of the consumer's last transfer. */
  String lastTransferType(String consumer) throws IOException {
    RpzxHarness.CliResult r = RpzxHarness.cli(service, "consumer", "show", consumer, "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out()).at("/transfer_log/transfer_type").asText();
  }
}
