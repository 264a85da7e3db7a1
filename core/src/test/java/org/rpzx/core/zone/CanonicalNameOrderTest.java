package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CanonicalNameOrderTest {

  private static final CanonicalNameOrder ORDER = CanonicalNameOrder.INSTANCE;

  /** The example of RFC 4034 §6.1, relative to the root; \001 and \200 as single characters. */
  @Test
  void sortsTheRfc4034Example() {
    List<String> expected =
        List.of(
            "example",
            "a.example",
            "yljkjljk.a.example",
            "Z.a.example",
            "zABC.a.EXAMPLE",
            "z.example",
            "\u0001.z.example",
            "*.z.example",
            "\u0080.z.example");
    List<String> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(42));
    shuffled.sort(ORDER);
    assertThat(shuffled).containsExactlyElementsOf(expected);
  }

  @Test
  void apexFirstAndSuffixBeforeLongerName() {
    assertThat(ORDER.compare("", "com")).isNegative();
    assertThat(ORDER.compare("com", "")).isPositive();
    assertThat(ORDER.compare("", "")).isZero();
    assertThat(ORDER.compare("example.com", "a.example.com")).isNegative();
    assertThat(ORDER.compare("b.com", "a.org")).isNegative(); // TLD decides first
    assertThat(ORDER.compare("ab.com", "a.com")).isPositive(); // prefix label first
    assertThat(ORDER.compare("*.a.com", "-.a.com")).isNegative(); // '*' 0x2a < '-' 0x2d
    assertThat(ORDER.compare("Host.Example.ORG", "host.example.org")).isZero();
  }

  @Property(tries = 3000)
  void agreesWithLabelListReference(@ForAll("names") String a, @ForAll("names") String b) {
    assertThat(Integer.signum(ORDER.compare(a, b))).isEqualTo(Integer.signum(reference(a, b)));
    assertThat(Integer.signum(ORDER.compare(a, b))).isEqualTo(-Integer.signum(ORDER.compare(b, a)));
  }

  @Property
  void zeroOnlyForEqualNames(@ForAll("names") String a, @ForAll("names") String b) {
    assertThat(ORDER.compare(a, b) == 0).isEqualTo(a.equalsIgnoreCase(b));
  }

  @Provide
  Arbitrary<String> names() {
    return net.jqwik.api.Arbitraries.oneOf(
        ZoneArbitraries.name(),
        ZoneArbitraries.name(),
        ZoneArbitraries.name().map(String::toUpperCase),
        net.jqwik.api.Arbitraries.just(""));
  }

  /** Splits into labels and compares them from the right as lower-cased octet strings. */
  static int reference(String a, String b) {
    List<String> la = a.isEmpty() ? List.of() : ReferenceZone.labelsFromRight(a);
    List<String> lb = b.isEmpty() ? List.of() : ReferenceZone.labelsFromRight(b);
    for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
      byte[] x =
          la.get(i).toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      byte[] y =
          lb.get(i).toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      int c = java.util.Arrays.compareUnsigned(x, y);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(la.size(), lb.size());
  }
}
