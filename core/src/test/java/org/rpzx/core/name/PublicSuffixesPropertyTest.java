package org.rpzx.core.name;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InternetDomainName;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast path through Guava's suffix trie gives the same registrable domain as Guava's public
 * {@link InternetDomainName} API, for names mixing real suffix labels (wildcards, exceptions,
 * private section, IDN TLDs) with random ones.
 */
class PublicSuffixesPropertyTest {

  private static final List<String> SUFFIX_LABELS =
      List.of(
          "com",
          "uk",
          "co",
          "jp",
          "kawasaki",
          "city",
          "ck",
          "www",
          "github",
          "io",
          "xn--p1ai",
          "blogspot",
          "appspot",
          "s3",
          "amazonaws",
          "compute",
          "us-east-1",
          "de",
          "org",
          "net",
          "bd",
          "er",
          "kobe",
          "mm",
          "nom",
          "br",
          "gov",
          "k12",
          "ca",
          "ma",
          "us",
          "example",
          "corp");

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> random =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars('0', '-')
            .ofMinLength(1)
            .ofMaxLength(8)
            .filter(l -> !l.startsWith("-") && !l.endsWith("-") && !l.matches("\\d.*"));
    Arbitrary<String> label = Arbitraries.oneOf(Arbitraries.of(SUFFIX_LABELS), random);
    return label.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(".", l));
  }

  @Property(tries = 5000)
  void sameAnswerAsInternetDomainName(@ForAll("names") String name) {
    assertThat(PublicSuffixes.registrableDomain(name)).isEqualTo(guava(name));
  }

  private static Optional<String> guava(String name) {
    InternetDomainName domain = InternetDomainName.from(name);
    int suffixLabels = domain.hasPublicSuffix() ? domain.publicSuffix().parts().size() : 1;
    List<String> parts = domain.parts();
    if (suffixLabels >= parts.size()) {
      return Optional.empty();
    }
    return Optional.of(
        String.join(".", parts.subList(parts.size() - suffixLabels - 1, parts.size())));
  }
}
