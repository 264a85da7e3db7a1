package org.rpzx.dns.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One item of {@code hostile/packets/expected.tsv}: the message bytes, where it is sent from and
 * what must come back over UDP and over TCP ({@code drop}, or an RCODE with the TSIG error after a
 * slash).
 */
record PacketItem(String file, byte[] wire, String source, String udp, String tcp, String comment) {

  static final String DIR = "/hostile/packets/";

  /** 127.0.0.1 has no consumer; 127.0.0.2 is the subnet of a keyless consumer. */
  InetAddress sourceAddress() throws IOException {
    return switch (source) {
      case "stranger" -> InetAddress.getByName("127.0.0.1");
      case "consumer" -> InetAddress.getByName("127.0.0.2");
      default -> throw new IOException(file + ": unknown source " + source);
    };
  }

  static List<PacketItem> load() throws IOException {
    String tsv = new String(read(DIR + "expected.tsv"), StandardCharsets.UTF_8);
    List<PacketItem> items = new ArrayList<>();
    for (String line : tsv.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length != 5) {
        throw new IOException("expected.tsv: need 5 tab-separated columns: " + line);
      }
      String hex = new String(read(DIR + c[0]), StandardCharsets.US_ASCII).replaceAll("\\s", "");
      items.add(new PacketItem(c[0], HexFormat.of().parseHex(hex), c[1], c[2], c[3], c[4]));
    }
    return items;
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = PacketItem.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      return in.readAllBytes();
    }
  }

  @Override
  public String toString() {
    return file + " (" + source + ")";
  }
}
