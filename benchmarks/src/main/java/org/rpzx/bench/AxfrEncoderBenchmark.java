package org.rpzx.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rpzx.dns.tsig.TsigAlgorithm;
import org.rpzx.dns.tsig.TsigCheck;
import org.rpzx.dns.tsig.TsigKey;
import org.rpzx.dns.tsig.TsigResponses;
import org.rpzx.dns.wire.AxfrStream;
import org.rpzx.dns.wire.MessageSigner;
import org.rpzx.dns.wire.WireName;
import org.rpzx.dns.wire.ZoneMessageWriter;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * AXFR encoding of a 1M-name zone (2M CNAME records plus SOA/NS/SOA). The score is records per
 * second (one operation = one record); bytes per record is printed at setup. Zone shapes are
 * described in {@link BlocklistNames}; {@code tsig=hmac-sha256} signs every message (RFC 8945
 * §5.3.1) as a signed transfer is served.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AxfrEncoderBenchmark} (add {@code -p
 * messageBytes=16384,65535} to compare message sizes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class AxfrEncoderBenchmark {

  static final int NAMES = 1_000_000;
  static final int RECORDS = 2 * NAMES + 3;

  @Param({"16384"})
  int messageBytes;

  @Param({"uniform", "realistic"})
  String zone;

  @Param({"none", "hmac-sha256"})
  String tsig;

  private SortedArraySnapshot snapshot;
  private byte[] origin;
  private TsigCheck.Verified signed;
  private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;

  @Setup
  public void setup() {
    snapshot = SortedArraySnapshot.generate(zone, NAMES, 42);
    origin = WireName.absolute(snapshot.settings().origin());
    if (!tsig.equals("none")) {
      TsigKey key =
          new TsigKey(
              Name.fromConstantString("xfr-key.example."),
              TsigAlgorithm.parse(tsig),
              new byte[TsigAlgorithm.parse(tsig).macLength()]);
      TSIG t = key.toTsig(Clock.systemUTC());
      Message query =
          Message.newQuery(
              Record.newRecord(
                  Name.fromConstantString(snapshot.settings().origin()), Type.AXFR, DClass.IN));
      t.apply(query, null);
      signed = new TsigCheck.Verified(t, key.name(), key.algorithm(), query.getTSIG());
    }
    long bytes = 0;
    int messages = 0;
    int records = 0;
    AxfrStream s = stream();
    while (s.hasNext()) {
      bytes += s.encodeNext();
      records += s.lastAnswerCount();
      messages++;
    }
    if (records != RECORDS) {
      throw new IllegalStateException("encoded " + records + " records, expected " + RECORDS);
    }
    System.out.printf(
        "%n[AxfrEncoderBenchmark] zone=%s tsig=%s messageBytes=%d: %d messages, %d bytes"
            + " (framed), %.2f bytes/RR, mean name %.1f octets%n",
        zone,
        tsig,
        messageBytes,
        messages,
        bytes,
        (double) bytes / records,
        snapshot.meanWireLength());
  }

  private AxfrStream stream() {
    MessageSigner signer = signed == null ? MessageSigner.NONE : TsigResponses.signer(signed);
    return new AxfrStream(
        snapshot, 1, 0x8400, origin, ZoneMessageWriter.TYPE_AXFR, 0, messageBytes, true, signer);
  }

  /** Encoding into the stream's own array: the encoder alone. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long encodeZone() {
    AxfrStream s = stream();
    long bytes = 0;
    while (s.hasNext()) {
      bytes += s.encodeNext();
    }
    return bytes;
  }

  /** As served: each message copied into a pooled Netty buffer, then released. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long encodeZoneIntoByteBufs() {
    AxfrStream s = stream();
    long bytes = 0;
    while (s.hasNext()) {
      ByteBuf b = s.next(alloc);
      bytes += b.readableBytes();
      b.release();
    }
    return bytes;
  }
}
