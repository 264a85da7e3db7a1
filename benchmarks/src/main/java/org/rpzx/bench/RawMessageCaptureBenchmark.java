package org.rpzx.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rpzx.core.submission.RawMessage;

/**
 * What keeping raw messages costs the SMTP thread: capturing (gzip, fastest level) a mail written
 * in 8 KiB chunks as the MIME walker reads it. One operation is one whole message; the setup prints
 * the size kept in memory and in the store relative to the message.
 *
 * <p>Messages: {@code text} a 1 MiB mail of domain lines; {@code base64} a 25 MiB mail that is a
 * base64-encoded random (incompressible) attachment, the worst case under the 25 MB limit.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RawMessageCaptureBenchmark -f 1 -wi 2
 * -i 3 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RawMessageCaptureBenchmark {

  @Param({"text", "base64"})
  public String message;

  private byte[] bytes;

  @Setup(Level.Trial)
  public void build() {
    Random random = new Random(11);
    if (message.equals("text")) {
      StringBuilder sb = new StringBuilder("From: cert@uni.example\r\n\r\n");
      while (sb.length() < (1 << 20)) {
        sb.append("host-").append(random.nextInt(1_000_000)).append(".evil-example.org\r\n");
      }
      bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
    } else {
      byte[] raw = new byte[25 * 1024 * 1024 * 3 / 4 - 4096];
      random.nextBytes(raw);
      bytes = Base64.getMimeEncoder().encode(raw);
    }
    RawMessage m = capture();
    System.out.printf(
        "%n%s: %d bytes kept as %d (%.1f %%)%n",
        message, bytes.length, m.compressed().length, 100.0 * m.compressed().length / bytes.length);
  }

  @Benchmark
  public RawMessage capture() {
    RawMessage.Capture c = RawMessage.capture();
    for (int off = 0; off < bytes.length; off += 8192) {
      c.write(bytes, off, Math.min(8192, bytes.length - off));
    }
    return c.finish();
  }
}
