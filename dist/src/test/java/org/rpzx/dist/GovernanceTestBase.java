package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.rpzx.dist.api.Json;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/** The governance ITs' common steps, all through the real edges (CLI, SMTP, HTTP, DNS). */
abstract class GovernanceTestBase extends ServiceTestBase {

  static final Name ZONE = Name.fromConstantString("community.rpz.");

  RpzxHarness.CliResult cli(String... args) {
    return RpzxHarness.cli(service, args);
  }

  /** {@code rpzx ARGS --json}, which must succeed, parsed. */
  JsonNode json(String... args) throws Exception {
    String[] full = new String[args.length + 1];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--json";
    RpzxHarness.CliResult r = cli(full);
    assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return Json.MAPPER.readTree(r.out());
  }

  /** Adds an institution with one sender. */
  void institution(String name, String sender) {
    assertThat(cli("institution", "add", name).exitCode()).isZero();
    assertThat(cli("sender", "add", sender, "--institution", name).exitCode()).isZero();
  }

  /** The server's reply to the end of DATA, also when it is a refusal. */
  String mail(String from, String... lines) throws Exception {
    try {
      return RpzxHarness.mail(service, from, COMMUNITY, String.join("\n", lines) + "\n");
    } catch (SMTPSendFailedException e) {
      return e.getMessage().strip();
    }
  }

  /** A {@code submit} token of {@code institution}. */
  String submitToken(String institution) throws Exception {
    return json("token", "create", "--institution", institution, "--scope", "submit")
        .get("token")
        .asText();
  }

  HttpResponse<String> httpSubmit(String token, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(service.apiUrl() + "/api/v1/submissions"))
                .header("Authorization", "Token " + token)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** An SOA query over UDP from loopback, as a resolver checking the serial sends it. */
  long soaQuery() throws Exception {
    InetSocketAddress dns = service.dnsUdpAddress();
    SimpleResolver r = new SimpleResolver(InetAddress.getLoopbackAddress());
    r.setPort(dns.getPort());
    r.setTimeout(Duration.ofSeconds(5));
    Message answer = r.send(Message.newQuery(Record.newRecord(ZONE, Type.SOA, DClass.IN)));
    assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
    return ((org.xbill.DNS.SOARecord) answer.getSection(org.xbill.DNS.Section.ANSWER).get(0))
        .getSerial();
  }

  /** The names (owner {@code N}, not {@code *.N}) an AXFR of the zone carries. */
  Set<String> axfrNames() throws Exception {
    InetSocketAddress dns = service.dnsTcpAddress();
    ZoneTransferIn xfr = ZoneTransferIn.newAXFR(ZONE, dns.getHostString(), dns.getPort(), null);
    xfr.setTimeout(Duration.ofSeconds(20));
    xfr.run();
    Set<String> names = new TreeSet<>();
    for (Record r : xfr.getAXFR()) {
      String owner = r.getName().relativize(ZONE).toString();
      if (r.getType() == Type.CNAME && !owner.startsWith("*.")) {
        names.add(owner);
      }
    }
    return names;
  }

  /** An IXFR from {@code fromSerial}: its difference sequences. */
  List<ZoneTransferIn.Delta> ixfr(long fromSerial) throws Exception {
    InetSocketAddress dns = service.dnsTcpAddress();
    ZoneTransferIn xfr =
        ZoneTransferIn.newIXFR(ZONE, fromSerial, false, dns.getHostString(), dns.getPort(), null);
    xfr.setTimeout(Duration.ofSeconds(10));
    xfr.run();
    assertThat(xfr.isIXFR()).as("an incremental answer").isTrue();
    return xfr.getIXFR();
  }

  /** Owner names (relative to the zone) of the CNAME records in {@code records}. */
  static List<String> owners(List<Record> records) {
    List<String> out = new ArrayList<>();
    for (Record r : records) {
      if (r.getType() == Type.CNAME) {
        out.add(r.getName().relativize(ZONE).toString());
      }
    }
    return out;
  }
}
