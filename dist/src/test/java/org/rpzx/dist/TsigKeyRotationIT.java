package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpzx.dist.api.Json;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * {@code rpzx tsig-key rotate}: the new secret (shown once) transfers the zone at once, the old one
 * is answered NOTAUTH, as dnsjava's ZoneTransferIn sees it; {@code tsig-key list} never shows a
 * secret.
 */
class TsigKeyRotationIT extends ServiceTestBase {

  private static final Name ZONE = Name.fromConstantString("community.rpz.");

  private RpzxHarness.CliResult cli(String... args) {
    return RpzxHarness.cli(service, args);
  }

  private List<Record> axfr(TSIG tsig) throws Exception {
    ZoneTransferIn xfr = ZoneTransferIn.newAXFR(ZONE, service.dnsTcpAddress(), tsig);
    xfr.setTimeout(Duration.ofSeconds(20));
    xfr.run();
    return xfr.getAXFR();
  }

  /** The rcode of the first answer to a signed AXFR query over TCP. */
  private int axfrRcode(TSIG tsig) throws IOException {
    Message q = Message.newQuery(Record.newRecord(ZONE, Type.AXFR, DClass.IN));
    tsig.apply(q, null);
    byte[] wire = q.toWire(65535);
    InetSocketAddress server = service.dnsTcpAddress();
    try (Socket s = new Socket()) {
      s.connect(server, 5000);
      s.setSoTimeout(5000);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeShort(wire.length);
      out.write(wire);
      out.flush();
      DataInputStream in = new DataInputStream(s.getInputStream());
      byte[] answer = new byte[in.readUnsignedShort()];
      in.readFully(answer);
      return new Message(answer).getRcode();
    }
  }

  @Test
  void theRotatedSecretWorksAtOnceAndTheOldOneIsRefused() throws Exception {
    // transfers only by consumer: no unsigned loopback fallback
    service = startFromConfigFile("dns:", "  listen: 127.0.0.1:0", "  allow-transfer: []");
    assertThat(cli("institution", "add", "Uni A").exitCode()).isZero();
    RpzxHarness.CliResult added =
        cli(
            "consumer",
            "add",
            "uni-a-bind",
            "--institution",
            "Uni A",
            "--tsig-key",
            "uni-a-xfr",
            "--json");
    assertThat(added.exitCode()).as(added.err()).isZero();
    String oldSecret = Json.MAPPER.readTree(added.out()).get("secret").asText();
    TSIG oldKey = new TSIG(TSIG.HMAC_SHA256, "uni-a-xfr.", oldSecret);
    assertThat(axfr(oldKey)).isNotEmpty();

    RpzxHarness.CliResult rotated = cli("tsig-key", "rotate", "uni-a-xfr", "--json");
    assertThat(rotated.exitCode()).as(rotated.err()).isZero();
    JsonNode r = Json.MAPPER.readTree(rotated.out());
    String newSecret = r.get("secret").asText();
    assertThat(newSecret).isNotEqualTo(oldSecret);
    assertThat(java.util.Base64.getDecoder().decode(newSecret)).hasSize(32);
    assertThat(r.at("/key/consumer").asText()).isEqualTo("uni-a-bind");
    TSIG newKey = new TSIG(TSIG.HMAC_SHA256, "uni-a-xfr.", newSecret);

    List<Record> records = axfr(newKey);
    assertThat(records.get(0).getType()).isEqualTo(Type.SOA);
    assertThat(axfrRcode(oldKey)).as("old secret: BADSIG").isEqualTo(Rcode.NOTAUTH);
    assertThatThrownBy(() -> axfr(oldKey)).isInstanceOf(ZoneTransferException.class);

    // human output: the secret once, with a BIND key clause; the listing never shows one
    RpzxHarness.CliResult human =
        cli("tsig-key", "rotate", "uni-a-xfr", "--algorithm", "hmac-sha512");
    assertThat(human.exitCode()).as(human.err()).isZero();
    String line =
        human
            .out()
            .lines()
            .filter(l -> l.startsWith("key \"uni-a-xfr\""))
            .findFirst()
            .orElseThrow();
    String sha512Secret = line.replaceAll(".*secret \"([^\"]+)\".*", "$1");
    assertThat(java.util.Base64.getDecoder().decode(sha512Secret)).hasSize(64);
    assertThat(axfr(new TSIG(TSIG.HMAC_SHA512, "uni-a-xfr.", sha512Secret))).isNotEmpty();
    assertThat(axfrRcode(newKey)).as("the sha256 key is gone").isEqualTo(Rcode.NOTAUTH);

    JsonNode keys = Json.MAPPER.readTree(cli("tsig-key", "list", "--json").out());
    assertThat(keys).hasSize(1);
    assertThat(keys.get(0).get("name").asText()).isEqualTo("uni-a-xfr");
    assertThat(keys.get(0).get("algorithm").asText()).isEqualTo("hmac-sha512");
    assertThat(keys.get(0).get("institution").asText()).isEqualTo("Uni A");
    String listings = cli("tsig-key", "list").out() + keys;
    assertThat(listings).contains("uni-a-bind");
    for (String secret : List.of(oldSecret, newSecret, sha512Secret)) {
      assertThat(listings).doesNotContain(secret);
    }

    assertThat(cli("tsig-key", "rotate", "nobody-xfr").exitCode()).isEqualTo(5);
    assertThat(cli("tsig-key", "rotate", "uni-a-xfr", "--algorithm", "hmac-md5").exitCode())
        .isEqualTo(7);
  }
}
