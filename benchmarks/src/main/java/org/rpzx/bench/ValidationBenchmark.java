package org.rpzx.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rpzx.core.name.EntryValidator;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.name.NameList;
import org.rpzx.core.name.TrancoList;
import org.rpzx.core.name.ValidationPolicy;

/**
 * Throughput of {@link EntryValidator#validate(String)} over 100 000 generated {@code domains.txt}
 * lines with the bundled Tranco top 10 000 as Top-N list. The score is lines per second (one
 * operation = one line).
 *
 * <p>Mixes: {@code realistic} is about 80 % ASCII host names (some upper case, trailing dots,
 * wildcards, CR remnants), 5 % IDN, 10 % rejects (URLs, IPs, syntax, public suffixes, Top-N hits)
 * and 5 % comments or blank lines; {@code ascii} is ASCII host names only.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ValidationBenchmark -f 1 -wi 2 -i 3 -w
 * 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {

  static final int LINES = 100_000;

  private static final String[] WORDS = {
    "login", "secure", "account", "update", "verify", "mail", "cdn", "static", "api", "pay",
    "bank", "support", "portal", "web", "app", "cloud", "my", "online", "service", "auth",
    "shop", "free", "bonus", "wallet", "crypto", "files", "download", "track", "id", "office"
  };
  private static final String[] TLDS = {
    "com", "net", "org", "info", "xyz", "top", "de", "ru", "co.uk", "com.br", "io", "online", "site"
  };
  private static final String[] IDN = {
    "bücher", "münchen", "straße", "faß", "пример", "例え", "테스트", "españa", "évil", "βόλος"
  };
  private static final String[] REJECTS = {
    "http://evil.example/login.php",
    "evil.example:8080",
    "user@evil.example",
    "192.0.2.1",
    "2001:db8::1",
    "198.51.100.0/24",
    "*evil.example",
    "a.*.evil.example",
    "evil..example",
    "-evil.example",
    "evil example.com",
    "com",
    "co.uk",
    "github.io",
    "xn--zz.com",
  };

  @Param({"realistic", "ascii"})
  public String mix;

  private EntryValidator validator;
  private String[] lines;

  @Setup(Level.Trial)
  public void setUp() {
    NameList top = TrancoList.bundled().names();
    validator =
        new EntryValidator(
            ValidationPolicy.defaults(),
            top,
            NameList.of("example-uni.edu", "partner.example"),
            name -> false);
    List<String> topNames = new ArrayList<>(top.names());
    Collections.sort(topNames);
    Random rnd = new Random(42);
    lines = new String[LINES];
    for (int i = 0; i < LINES; i++) {
      lines[i] = mix.equals("ascii") ? asciiHost(rnd) : realisticLine(rnd, topNames);
    }
  }

  private static String realisticLine(Random rnd, List<String> top) {
    int p = rnd.nextInt(100);
    if (p < 80) {
      String host = asciiHost(rnd);
      return switch (rnd.nextInt(10)) {
        case 0 -> host.toUpperCase(java.util.Locale.ROOT);
        case 1 -> host + ".";
        case 2 -> "*." + host;
        case 3 -> host + "\r";
        case 4 -> "  " + host + " ";
        default -> host;
      };
    }
    if (p < 85) {
      return IDN[rnd.nextInt(IDN.length)] + "-" + rnd.nextInt(1000) + "." + tld(rnd);
    }
    if (p < 95) {
      return rnd.nextBoolean()
          ? REJECTS[rnd.nextInt(REJECTS.length)]
          : "www." + top.get(rnd.nextInt(top.size()));
    }
    return rnd.nextBoolean() ? "" : "# reported by CERT, case " + rnd.nextInt(100000);
  }

  private static String asciiHost(Random rnd) {
    StringBuilder sb = new StringBuilder(40);
    int labels = 1 + rnd.nextInt(3);
    for (int l = 0; l < labels; l++) {
      sb.append(WORDS[rnd.nextInt(WORDS.length)]);
      if (rnd.nextInt(3) == 0) {
        sb.append('-').append(WORDS[rnd.nextInt(WORDS.length)]);
      }
      if (rnd.nextInt(4) == 0) {
        sb.append(rnd.nextInt(10000));
      }
      sb.append('.');
    }
    return sb.append(tld(rnd)).toString();
  }

  private static String tld(Random rnd) {
    return TLDS[rnd.nextInt(TLDS.length)];
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void validate(Blackhole bh) {
    for (String line : lines) {
      LineOutcome outcome = validator.validate(line);
      bh.consume(outcome);
    }
  }
}
