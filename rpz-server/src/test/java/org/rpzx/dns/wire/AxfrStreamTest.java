package org.rpzx.dns.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.dns.support.DnsTestSupport.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.dns.support.DnsTestSupport;
import org.rpzx.dns.testzone.TestSnapshot;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Decodes what the hand-written encoder writes with dnsjava and compares with the oracle. */
class AxfrStreamTest {

  private static final ZoneSettings SETTINGS = ZoneSettings.defaults();
  private static final Name ORIGIN = DnsTestSupport.ORIGIN;

  @ParameterizedTest
  @ValueSource(ints = {512, 1000, 4096, 16_384, 65_535})
  void everyNameTwiceBetweenSoasAtAnyMessageSize(int messageBytes) {
    List<String> names = sampleNames(new Random(messageBytes), 4000);
    TestSnapshot snapshot = new TestSnapshot(42, SETTINGS, names);

    List<Message> messages = encodeAll(snapshot, messageBytes, 0);

    assertThat(messages.size()).isGreaterThan(1);
    assertTransferMatches(messages, snapshot);
  }

  @Test
  void emptyZoneIsSoaNsSoa() {
    TestSnapshot snapshot = new TestSnapshot(7, SETTINGS, List.of());
    List<Message> messages = encodeAll(snapshot, 16_384, 0);
    assertThat(messages).hasSize(1);
    assertTransferMatches(messages, snapshot);
  }

  @Test
  void compressionWritesOnlyTheLabelsNotSharedWithThePreviousName() {
    List<String> names = List.of("example", "a.example", "b.example", "c.b.example", "other");
    TestSnapshot snapshot = new TestSnapshot(1, SETTINGS, names);
    AxfrStream stream = stream(snapshot, 16_384, 0, false);
    int length = stream.encodeNext();
    assertThat(stream.hasNext()).isFalse();

    int fixed = fixedBytes();
    // per name: new labels + pointer + 11, then "*" label + pointer + 11
    int pairs =
        (8 + 2 + 11) // example (shares nothing: pointer to origin)
            + (2 + 2 + 11) // a.example
            + (2 + 2 + 11) // b.example
            + (2 + 2 + 11) // c.b.example
            + (6 + 2 + 11); // other
    int stars = names.size() * (2 + 2 + 11);
    assertThat(length).isEqualTo(fixed + pairs + stars);
    assertTransferMatches(List.of(parse(Arrays.copyOf(stream.buffer(), length))), snapshot);
  }

  @Test
  void longNamesBeyondThePointerLimitStayDecodable() {
    // 63-octet labels make owners long, so a 64 KiB message passes offset 0x4000 early
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String l = ("l" + i + "x".repeat(63)).substring(0, 63);
      names.add(l + "." + "y".repeat(50) + ".example");
    }
    TestSnapshot snapshot = new TestSnapshot(3, SETTINGS, names);
    List<Message> messages = encodeAll(snapshot, 65_535, 0);
    assertTransferMatches(messages, snapshot);
  }

  @Test
  void tcpFramingPrefixesTheLength() {
    TestSnapshot snapshot = new TestSnapshot(5, SETTINGS, sampleNames(new Random(1), 2000));
    AxfrStream stream = stream(snapshot, 16_384, 0, true);
    List<Message> messages = new ArrayList<>();
    while (stream.hasNext()) {
      int length = stream.encodeNext();
      byte[] framed = Arrays.copyOf(stream.buffer(), length);
      messages.add(parse(DnsTestSupport.unframe(framed)));
    }
    assertTransferMatches(messages, snapshot);
  }

  @Test
  void optRecordInEveryMessageWhenTheQueryHadOne() {
    TestSnapshot snapshot = new TestSnapshot(5, SETTINGS, sampleNames(new Random(2), 3000));
    List<Message> messages = encodeAll(snapshot, 4096, 1232);
    assertThat(messages).allSatisfy(m -> assertThat(m.getOPT().getPayloadSize()).isEqualTo(1232));
    assertTransferMatches(messages, snapshot);
  }

  @Property(tries = 60)
  void anyNameSetRoundTrips(
      @ForAll("nameSets") List<String> names, @ForAll @IntRange(min = 512, max = 65535) int size) {
    TestSnapshot snapshot = new TestSnapshot(9, SETTINGS, names);
    assertTransferMatches(encodeAll(snapshot, size, 0), snapshot);
  }

  /**
   * Within one message whose offsets are all pointer targets, every owner N costs exactly the
   * labels it does not share with the previous name plus one pointer, and {@code *.N} four octets:
   * the minimum, since in canonical order no earlier name shares a longer suffix. dnsjava's own
   * compressor (longest-suffix match over every name written) never does better.
   */
  @Property(tries = 60)
  void oneMessageIsAtTheCompressionMinimum(@ForAll("nameSets") List<String> names) {
    TestSnapshot snapshot = new TestSnapshot(9, SETTINGS, names);
    AxfrStream stream = stream(snapshot, 65_535, 0, false);
    int length = stream.encodeNext();
    net.jqwik.api.Assume.that(!stream.hasNext() && length < 0x4000);

    int expected = fixedBytes();
    Name previous = null;
    for (String n : snapshot.names()) {
      // an independent oracle: dnsjava's labels, compared from the right
      Name name = Name.fromConstantString(n + ".");
      int labels = name.labels() - 1; // without the root label
      int shared = 0;
      while (previous != null
          && shared < labels
          && shared < previous.labels() - 1
          && name.getLabelString(labels - 1 - shared)
              .equals(previous.getLabelString(previous.labels() - 2 - shared))) {
        shared++;
      }
      int literal = 0;
      for (int i = 0; i < labels - shared; i++) {
        literal += name.getLabelString(i).length() + 1;
      }
      expected += literal + 2 + 11 + 4 + 11;
      previous = name;
    }
    assertThat(length).isEqualTo(expected);
    Message decoded = parse(Arrays.copyOf(stream.buffer(), length));
    assertThat(decoded.toWire().length).isGreaterThanOrEqualTo(length);
  }

  /**
   * Header, question, SOA, NS and SOA of a one-message transfer of the default zone, with every
   * RDATA name compressed as far as it goes: the first SOA writes {@code localhost.} and {@code
   * hostmaster} + pointer to the origin; NS and the last SOA point at those.
   */
  private static int fixedBytes() {
    int firstSoa = 2 + 10 + "localhost.".length() + 1 + ("hostmaster".length() + 1 + 2) + 20;
    int ns = 2 + 10 + 2;
    int lastSoa = 2 + 10 + 2 + 2 + 20;
    return 12 + ORIGIN.length() + 4 + firstSoa + ns + lastSoa;
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<String>> nameSets() {
    net.jqwik.api.Arbitrary<String> label =
        net.jqwik.api.Arbitraries.strings()
            .withChars("abc-0_")
            .ofMinLength(1)
            .ofMaxLength(63)
            .filter(s -> !s.startsWith("-"));
    net.jqwik.api.Arbitrary<String> name =
        label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
    return name.list().ofMaxSize(300).map(l -> List.copyOf(new LinkedHashSet<>(l)));
  }

  static List<String> sampleNames(Random random, int count) {
    String[] tlds = {"com", "net", "org", "de", "co.uk", "xyz"};
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < count) {
      StringBuilder sb = new StringBuilder();
      int depth = random.nextInt(3);
      for (int d = 0; d < depth; d++) {
        sb.append(label(random)).append('.');
      }
      sb.append(label(random)).append('.').append(tlds[random.nextInt(tlds.length)]);
      out.add(sb.toString());
    }
    return List.copyOf(out);
  }

  private static String label(Random random) {
    int len = 1 + random.nextInt(random.nextInt(10) == 0 ? 63 : 12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
    }
    return sb.toString();
  }

  private static AxfrStream stream(TestSnapshot s, int size, int opt, boolean tcp) {
    return new AxfrStream(
        s, 0x1234, 0x8400, ORIGIN.toWire(), ZoneMessageWriter.TYPE_AXFR, opt, size, tcp);
  }

  private static List<Message> encodeAll(TestSnapshot snapshot, int size, int opt) {
    AxfrStream stream = stream(snapshot, size, opt, false);
    List<Message> messages = new ArrayList<>();
    while (stream.hasNext()) {
      int length = stream.encodeNext();
      assertThat(length).isLessThanOrEqualTo(size);
      messages.add(parse(Arrays.copyOf(stream.buffer(), length)));
    }
    return messages;
  }

  /** The oracle: SOA, NS, then N and *.N for every name in order, then SOA. */
  static void assertTransferMatches(List<Message> messages, TestSnapshot snapshot) {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      assertThat(m.getHeader().getID()).isEqualTo(0x1234);
      assertThat(m.getHeader().getFlag(Flags.QR)).isTrue();
      assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
      assertThat(m.getRcode()).isZero();
      assertThat(m.getSection(Section.QUESTION)).hasSize(i == 0 ? 1 : 0);
      records.addAll(m.getSection(Section.ANSWER));
    }
    List<String> expected = new ArrayList<>();
    expected.add("SOA " + ORIGIN);
    for (String ns : snapshot.settings().nameServers()) {
      expected.add("NS " + ORIGIN + " " + ns);
    }
    for (String n : snapshot.names()) {
      expected.add("CNAME " + n + "." + ORIGIN);
      expected.add("CNAME *." + n + "." + ORIGIN);
    }
    expected.add("SOA " + ORIGIN);
    List<String> actual = new ArrayList<>();
    for (Record r : records) {
      assertThat(r.getTTL()).isEqualTo(snapshot.settings().ttl());
      if (r instanceof SOARecord soa) {
        assertThat(soa.getSerial()).isEqualTo(snapshot.serial());
        assertThat(soa.getHost()).isEqualTo(Name.fromConstantString("localhost."));
        assertThat(soa.getAdmin()).isEqualTo(Name.fromConstantString("hostmaster." + ORIGIN));
        assertThat(soa.getExpire()).isEqualTo(snapshot.settings().expire());
        actual.add("SOA " + r.getName());
      } else if (r instanceof NSRecord ns) {
        actual.add("NS " + r.getName() + " " + ns.getTarget());
      } else {
        assertThat(r.getType()).isEqualTo(Type.CNAME);
        assertThat(((CNAMERecord) r).getTarget()).isEqualTo(Name.root);
        actual.add("CNAME " + r.getName());
      }
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }
}
