package org.rpzx.bench;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rpzx.core.zone.JournalQuery;
import org.rpzx.core.zone.TrieSnapshot;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneSnapshot;
import org.rpzx.core.zone.ZoneView;
import org.rpzx.dns.access.CidrMatcher;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.query.QueryProcessor;
import org.rpzx.dns.query.Reply;
import org.rpzx.dns.query.TransferLog;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * One ordinary query answered by {@link QueryProcessor}: the fast path ({@code process}, answers
 * precomputed per snapshot and patched) against the general dnsjava path ({@code processGeneral},
 * parse, build, render) that it must equal byte for byte. Zone: 100 000 realistic names. Score:
 * queries per second on one thread.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar QueryPathBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class QueryPathBenchmark {

  private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();

  /** SOA at the apex (plain and with EDNS), a listed name, a name not in the zone. */
  @Param({"soa", "soa-edns", "listed", "nxdomain"})
  String query;

  @Param({"fast", "general"})
  String path;

  private QueryProcessor processor;
  private byte[] wire;
  private boolean fast;

  @Setup
  public void setup() {
    List<String> names = List.copyOf(BlocklistNames.generate("realistic", 100_000, 42));
    TrieSnapshot snapshot = TrieSnapshot.of(ZoneSettings.defaults(), 1, names);
    ZoneView zone =
        new ZoneView() {
          @Override
          public ZoneSnapshot current() {
            return snapshot;
          }

          @Override
          public JournalQuery changesSince(long clientSerial) {
            return new JournalQuery.UpToDate(snapshot.serial());
          }
        };
    processor =
        new QueryProcessor(
            zone,
            TransferAuthorizer.bySubnet(CidrMatcher.of("127.0.0.0/8")),
            TransferLog.NONE,
            1232,
            16_384);
    String origin = ZoneSettings.defaults().origin();
    wire =
        switch (query) {
          case "soa" -> query(origin, Type.SOA, false);
          case "soa-edns" -> query(origin, Type.SOA, true);
          case "listed" -> query(names.get(names.size() / 2) + "." + origin, Type.A, true);
          case "nxdomain" -> query("no-such-name-here." + origin, Type.A, true);
          default -> throw new IllegalArgumentException(query);
        };
    fast = path.equals("fast");
    byte[] a = ((Reply.Message) processor.process(wire, CLIENT, false)).wire();
    byte[] b = ((Reply.Message) processor.processGeneral(wire, CLIENT, false)).wire();
    if (!Arrays.equals(a, b)) {
      throw new IllegalStateException("fast and general paths differ for " + query);
    }
  }

  private static byte[] query(String name, int type, boolean edns) {
    Message m = Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
    m.getHeader().setID(0x1234);
    if (edns) {
      m.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
    }
    return m.toWire();
  }

  @Benchmark
  public Reply answer() {
    return fast
        ? processor.process(wire, CLIENT, false)
        : processor.processGeneral(wire, CLIENT, false);
  }
}
