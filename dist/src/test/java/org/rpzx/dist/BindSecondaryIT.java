package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rpzx.dist.api.Json;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * BIND 9 as a real consumer: a TSIG secondary of the zone and an RPZ resolver of it, registered
 * with the {@code bind-consumer-add} command of {@code docs/consumers.md} and configured with its
 * {@code bind} snippet (which is also what that command prints). It pulls the zone by AXFR, gets
 * NOTIFY for a mailed submission and pulls an IXFR, and answers NXDOMAIN for the new name within 3
 * s of the SMTP 250. Transfers without the key, with a wrong key or from a source outside the
 * consumer's subnet are refused.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BindSecondaryIT extends ConsumerTestBase {

  private static final Name ZONE = Name.fromConstantString("community.rpz.");

  private static final String CONSUMER = "uni-a-bind";

  private NamedProcess named;

  @AfterEach
  void stopNamed() {
    if (named != null) {
      named.close(); // before the service (JUnit runs this before the base class's)
    }
  }

  @Test
  void bindTransfersByTsigFollowsNotifyWithIxfrAndEnforcesThePolicy() throws Exception {
    ResolverProcess.requireInstalled(NamedProcess.NAMED, "bind9");
    startRpzx();
    assertThat(RpzxHarness.mail(service, SENDER, COMMUNITY, "first-evil.example\nshared.example\n"))
        .startsWith("250");

    // named's port must be known before the consumer (its NOTIFY target) is added; the command
    // and named.conf are the page's (docs/consumers.md), with its example values replaced
    Path namedDir = Files.createDirectories(dir.resolve("named"));
    int namedPort = NamedProcess.reservePort();
    String out =
        runCliSnippet(
            "bind-consumer-add",
            DocSnippets.replacing(
                "192.0.2.53/32", "127.0.0.1/32",
                "192.0.2.53:53", "127.0.0.1:" + namedPort,
                "--primary 192.0.2.10", "--primary 127.0.0.1"));
    String secret = secretFrom(out);
    assertThat(java.util.Base64.getDecoder().decode(secret)).hasSize(32);
    String snippet =
        doc.get(
            "bind",
            DocSnippets.replacing(
                "port 53 { 192.0.2.10 key",
                "port " + dnsPort() + " { 127.0.0.1 key",
                "allow-notify { 192.0.2.10; }",
                "allow-notify { 127.0.0.1; }",
                DocSnippets.EXAMPLE_TSIG_SECRET,
                secret));
    assertThat(out).as("rpzx consumer add prints the page's snippet").contains(snippet);
    // key, primaries and zone as they are; the response-policy line inside named's options
    String bindSnippet = snippet.substring(0, snippet.indexOf("options {"));
    int policyAt = snippet.indexOf("    response-policy", snippet.indexOf("options {"));
    String responsePolicy = snippet.substring(policyAt, snippet.indexOf('\n', policyAt) + 1);
    assertThat(bindSnippet).contains("key \"uni-a-xfr\"").contains(secret);

    named =
        NamedProcess.start(
            namedDir,
            namedPort,
            "  recursion yes;\n"
                + "  allow-recursion { 127.0.0.1; };\n"
                + "  allow-query { 127.0.0.1; };\n"
                + "  dnssec-validation no;\n"
                + responsePolicy,
            bindSnippet);

    // (1) the first transfer is a full one, signed with the consumer's key
    named.awaitLog(
        l -> l.contains("Transfer status: success") && l.contains("uni-a-xfr"),
        Duration.ofSeconds(20));
    assertThat(rcode("first-evil.example")).isEqualTo(Rcode.NXDOMAIN);
    assertThat(rcode("www.first-evil.example")).isEqualTo(Rcode.NXDOMAIN);
    assertThat(rcode("not-listed.example"))
        .as("a name RPZ does not list is not NXDOMAIN (recursion fails: no internet)")
        .isNotEqualTo(Rcode.NXDOMAIN);
    assertThat(named.log()).contains("requesting AXFR of initial version");
    awaitTransferType("axfr");
    JsonNode first = consumer();
    long firstSerial = first.at("/transfer_log/transfer_serial").asLong();
    assertThat(first.get("state").asText()).isEqualTo("up-to-date");

    // (2)+(3) a mailed submission: NOTIFY, IXFR, and BIND blocks the name within 3 s of the 250
    String reply = RpzxHarness.mail(service, SENDER, COMMUNITY, "fresh-evil.example\n");
    long accepted = System.nanoTime();
    assertThat(reply).startsWith("250");
    long blockedAfter = awaitNxdomain("fresh-evil.example", accepted, Duration.ofSeconds(3));
    assertThat(rcode("deep.sub.fresh-evil.example")).isEqualTo(Rcode.NXDOMAIN);
    System.out.printf(
        "BIND NXDOMAIN delay after SMTP 250 (at %s): %d ms%n",
        java.time.LocalTime.now().minusNanos(System.nanoTime() - accepted),
        TimeUnit.NANOSECONDS.toMillis(blockedAfter));
    // BIND asked for the difference from the serial it had, and rpzx answered with it
    String ixfrRequest = "requesting IXFR for serial " + firstSerial;
    named.awaitLog(
        l ->
            l.contains(ixfrRequest)
                && l.indexOf("got incremental response") > l.indexOf(ixfrRequest),
        Duration.ofSeconds(5));
    awaitTransferType("ixfr");
    named
        .log()
        .lines()
        .filter(
            l ->
                l.contains("XFR")
                    || l.contains("incremental response")
                    || l.contains("notify from")
                    || l.contains("rpz: community.rpz: reload")
                    || l.contains("rewrite fresh-evil"))
        .forEach(System.out::println);

    // who is behind: nobody
    JsonNode status =
        Json.MAPPER.readTree(RpzxHarness.cli(service, "zone", "status", "--json").out());
    JsonNode contact = status.get("consumers").get(0);
    assertThat(contact.get("name").asText()).isEqualTo(CONSUMER);
    assertThat(contact.get("serial").asLong()).isEqualTo(status.get("serial").asLong());
    assertThat(contact.get("state").asText()).isEqualTo("up-to-date");
    RpzxHarness.CliResult show = RpzxHarness.cli(service, "consumer", "show", CONSUMER);
    assertThat(show.out()).contains("last transfer:").contains("ixfr").contains("last SOA check:");

    // (4) transfers without the key, with a wrong key, from outside the subnet
    InetSocketAddress rpzx = service.dnsTcpAddress();
    TSIG right = new TSIG(TSIG.HMAC_SHA256, "uni-a-xfr.", secret);
    TSIG wrongSecret =
        new TSIG(TSIG.HMAC_SHA256, "uni-a-xfr.", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    TSIG unknownKey = new TSIG(TSIG.HMAC_SHA256, "nobody-xfr.", secret);
    assertThat(axfrRcode(rpzx, "127.0.0.1", right)).isEqualTo(Rcode.NOERROR);
    assertThat(axfrRcode(rpzx, "127.0.0.1", null)).isEqualTo(Rcode.REFUSED);
    assertThat(axfrRcode(rpzx, "127.0.0.1", wrongSecret)).isEqualTo(Rcode.NOTAUTH);
    assertThat(axfrRcode(rpzx, "127.0.0.1", unknownKey)).isEqualTo(Rcode.NOTAUTH);
    assertThat(axfrRcode(rpzx, "127.0.0.3", right)).isEqualTo(Rcode.REFUSED);
  }

  private JsonNode consumer() throws IOException {
    RpzxHarness.CliResult show = RpzxHarness.cli(service, "consumer", "show", CONSUMER, "--json");
    assertThat(show.exitCode()).as(show.err()).isZero();
    return Json.MAPPER.readTree(show.out());
  }

  /** The transfer log is written asynchronously: wait for it. */
  private void awaitTransferType(String type) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    String seen = "";
    while (System.nanoTime() < deadline) {
      seen = consumer().at("/transfer_log/transfer_type").asText();
      if (seen.equals(type)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("transfer log says " + seen + ", expected " + type);
  }

  private int rcode(String name) throws IOException {
    SimpleResolver r = new SimpleResolver(InetAddress.getLoopbackAddress());
    r.setPort(named.port());
    r.setTimeout(Duration.ofSeconds(2));
    Message q = Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN));
    return r.send(q).getRcode();
  }

  /** Polls named until {@code name} is NXDOMAIN; returns the nanoseconds since {@code since}. */
  private long awaitNxdomain(String name, long since, Duration within) throws Exception {
    long deadline = since + within.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (rcode(name) == Rcode.NXDOMAIN) {
          return System.nanoTime() - since;
        }
      } catch (IOException e) {
        // a timeout while named still recurses for the unlisted name: ask again
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        name + " not NXDOMAIN within " + within + "; named log:\n" + named.log());
  }

  /**
   * Sends an AXFR query over TCP from {@code source}, signed with {@code tsig} if given, and
   * returns the rcode of the first answer (an independent client: dnsjava builds and parses the
   * messages).
   */
  private static int axfrRcode(InetSocketAddress server, String source, TSIG tsig)
      throws IOException {
    Message q = Message.newQuery(Record.newRecord(ZONE, Type.AXFR, DClass.IN));
    if (tsig != null) {
      tsig.apply(q, null);
    }
    byte[] wire = q.toWire(65535);
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
      s.connect(server, 5000);
      s.setSoTimeout(5000);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeShort(wire.length);
      out.write(wire);
      out.flush();
      DataInputStream in = new DataInputStream(s.getInputStream());
      byte[] answer = new byte[in.readUnsignedShort()];
      in.readFully(answer);
      Message response = new Message(answer);
      if (tsig != null && response.getRcode() == Rcode.NOERROR) {
        assertThat(tsig.verify(response, answer, q.getTSIG())).isEqualTo(Rcode.NOERROR);
      }
      return response.getRcode();
    }
  }
}
