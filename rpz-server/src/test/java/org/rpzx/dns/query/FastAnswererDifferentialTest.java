package org.rpzx.dns.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.dns.access.CidrMatcher;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.testzone.TestZone;

/**
 * The fast path against the general dnsjava path: for generated queries (zone names, wildcards,
 * names below them, the apex, names outside the zone, odd and mixed-case labels, long names, EDNS
 * variants, other classes, opcodes and types, stray records and trailing bytes) both give the same
 * bytes over UDP and TCP, and the same SOA-check events. The zone's MNAME and RNAME lie inside the
 * zone, so that negative answers can compress them into the question.
 */
class FastAnswererDifferentialTest {

  private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();
  private static final String[] NAMES = {
    "evil.example", "a.b.example", "bad.test", "x-y_z.example", "deep.er.still.example"
  };
  private static final String[] LABELS = {
    "evil",
    "EVIL",
    "Example",
    "a",
    "b",
    "bad",
    "test",
    "*",
    "x-y_z",
    "deep",
    "er",
    "still",
    "ns1",
    "hostmaster",
    "HostMaster",
    "www",
    "community",
    "rpz",
    "a.b",
    "sp ace",
    "\u00e9t\u00e9",
    "xn--bcher-kva"
  };

  private static final TestZone ZONE = zone();

  private final List<TransferEvent> fastEvents = new ArrayList<>();
  private final List<TransferEvent> generalEvents = new ArrayList<>();
  private final QueryProcessor fast = processor(fastEvents::add);
  private final QueryProcessor general = processor(generalEvents::add);

  private static TestZone zone() {
    ZoneSettings d = ZoneSettings.defaults();
    ZoneSettings s =
        new ZoneSettings(
            d.origin(),
            d.ttl(),
            "ns1." + d.origin(),
            "hostmaster.ns1." + d.origin(),
            d.refresh(),
            d.retry(),
            d.expire(),
            d.minimum(),
            List.of("ns1." + d.origin(), "ns2.example.net."));
    return new TestZone(s, 7, List.of(NAMES));
  }

  private static QueryProcessor processor(TransferLog log) {
    return new QueryProcessor(
        ZONE, TransferAuthorizer.bySubnet(CidrMatcher.of("127.0.0.0/8")), log, 1232, 16_384);
  }

  @Property(tries = 3000)
  void fastPathAnswersAsTheGeneralPathDoes(@ForAll("queries") byte[] query) {
    fastEvents.clear();
    generalEvents.clear();
    for (boolean tcp : new boolean[] {false, true}) {
      Reply a = fast.process(query.clone(), CLIENT, tcp);
      Reply b = general.processGeneral(query.clone(), CLIENT, tcp);
      assertThat(describe(a)).isEqualTo(describe(b));
    }
    assertThat(fastEvents).hasSameSizeAs(generalEvents);
    for (int i = 0; i < fastEvents.size(); i++) {
      TransferEvent x = fastEvents.get(i);
      TransferEvent y = generalEvents.get(i);
      assertThat(List.of(x.kind(), x.serial(), x.bytes(), x.client()))
          .isEqualTo(List.of(y.kind(), y.serial(), y.bytes(), y.client()));
    }
    FastAnswerer probe = new FastAnswerer(ZONE, processor(TransferLog.NONE), 1232);
    boolean taken = probe.answer(query, query.length, CLIENT, false, 0) != null;
    Statistics.collect(taken ? "fast path" : "general path");
    // the generators must keep exercising both paths, or the comparison proves little
    Statistics.coverage(
        c -> {
          c.check("fast path").percentage(p -> p > 30);
          c.check("general path").percentage(p -> p > 10);
        });
  }

  private static String describe(Reply r) {
    if (r instanceof Reply.Message m) {
      return "message " + HexFormat.of().formatHex(m.wire());
    }
    return r.getClass().getSimpleName();
  }

  @Provide
  Arbitrary<byte[]> queries() {
    Arbitrary<Integer> id = Arbitraries.integers().between(0, 0xffff);
    Arbitrary<Integer> flags =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of(0x0000, 0x0100, 0x0120, 0x0110)),
            Tuple.of(1, Arbitraries.integers().between(0, 0xffff)));
    Arbitrary<String> name =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.of(NAMES)),
            Tuple.of(
                4,
                Arbitraries.of(LABELS)
                    .list()
                    .ofMinSize(0)
                    .ofMaxSize(5)
                    .map(FastAnswererDifferentialTest::join)),
            Tuple.of(
                1,
                Arbitraries.strings()
                    .withChars("abcXYZ09-_*")
                    .ofMinLength(1)
                    .ofMaxLength(63)
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(5)
                    .map(FastAnswererDifferentialTest::join)));
    Arbitrary<String> suffix =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.just("community.rpz")),
            Tuple.of(1, Arbitraries.of("COMMUNITY.Rpz", "rpz", "example", "")));
    Arbitrary<Integer> qtype =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.of(6, 2, 255, 1, 28, 5, 16, 252, 251, 41, 250)),
            Tuple.of(1, Arbitraries.integers().between(0, 0xffff)));
    Arbitrary<Integer> qclass =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.of(1, 255)), Tuple.of(1, Arbitraries.of(3, 254, 0)));
    Arbitrary<byte[]> edns =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(new byte[0])),
            Tuple.of(3, Arbitraries.of(opt(1232, 0, 0, 0), opt(4096, 0, 0, 0x8000))),
            Tuple.of(1, Arbitraries.of(opt(512, 0, 1, 0), opt(100, 1, 0, 0), cookieOpt())));
    Arbitrary<byte[]> trailer =
        Arbitraries.frequencyOf(
            Tuple.of(12, Arbitraries.just(new byte[0])),
            Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(8)));
    return Combinators.combine(id, flags, name, suffix, qtype, qclass, edns, trailer)
        .as(
            (i, f, n, s, t, c, e, tr) ->
                query(i, f, n.isEmpty() ? s : (s.isEmpty() ? n : n + "." + s), t, c, e, tr));
  }

  private static String join(List<String> labels) {
    return String.join(".", labels);
  }

  private static byte[] query(
      int id, int flags, String name, int qtype, int qclass, byte[] opt, byte[] trailer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    short16(out, id);
    short16(out, flags);
    short16(out, 1);
    short16(out, 0);
    short16(out, 0);
    short16(out, opt.length > 0 ? 1 : 0);
    if (!name.isEmpty()) {
      for (String label : name.split("\\.", -1)) {
        byte[] b = label.getBytes(StandardCharsets.UTF_8);
        out.write(Math.min(b.length, 63));
        out.write(b, 0, Math.min(b.length, 63));
      }
    }
    out.write(0);
    short16(out, qtype);
    short16(out, qclass);
    out.writeBytes(opt);
    out.writeBytes(trailer);
    return out.toByteArray();
  }

  private static byte[] opt(int payload, int extRcode, int version, int flags) {
    return new byte[] {
      0,
      0,
      41,
      (byte) (payload >>> 8),
      (byte) payload,
      (byte) extRcode,
      (byte) version,
      (byte) (flags >>> 8),
      (byte) flags,
      0,
      0
    };
  }

  private static byte[] cookieOpt() {
    byte[] head = opt(1232, 0, 0, 0);
    byte[] out = new byte[head.length + 12];
    System.arraycopy(head, 0, out, 0, head.length);
    out[head.length - 1] = 12;
    out[head.length + 1] = 10; // COOKIE
    out[head.length + 3] = 8;
    for (int i = 0; i < 8; i++) {
      out[head.length + 4 + i] = (byte) (i * 37);
    }
    return out;
  }

  private static void short16(ByteArrayOutputStream out, int v) {
    out.write(v >>> 8);
    out.write(v);
  }
}
