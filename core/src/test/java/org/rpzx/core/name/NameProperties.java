package org.rpzx.core.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Properties of normalisation and owner names over generated lines. */
class NameProperties {

  private static final ValidationPolicy POLICY = ValidationPolicy.defaults();
  private static final EntryValidator VALIDATOR = EntryValidator.of(POLICY);
  private static final EntryValidator UNDERSCORE_VALIDATOR =
      EntryValidator.of(new ValidationPolicy(POLICY.zoneOrigin(), true));

  @Property(tries = 3000)
  void normalisationIsIdempotent(@ForAll("lines") String line) {
    for (EntryValidator v : List.of(VALIDATOR, UNDERSCORE_VALIDATOR)) {
      LineOutcome first = v.validate(line);
      Statistics.label("outcome").collect(first.getClass().getSimpleName());
      if (first instanceof LineOutcome.Accepted a) {
        assertThat(v.validate(a.name())).isEqualTo(first);
        assertThat(v.validate("*." + a.name() + ".")).isEqualTo(first);
        assertThat(v.validate(" " + a.name().toUpperCase(java.util.Locale.ROOT) + "\r"))
            .isEqualTo(first);
      }
    }
  }

  @Property(tries = 3000)
  void acceptedNamesYieldValidOwnerNames(@ForAll("lines") String line) {
    LineOutcome outcome = VALIDATOR.validate(line);
    if (!(outcome instanceof LineOutcome.Accepted a)) {
      return;
    }
    String name = a.name();
    assertThat(name).matches("[a-z0-9.-]+").doesNotEndWith(".").doesNotStartWith("*");
    String owner = OwnerNames.ownerName(name, POLICY.zoneOrigin());
    String wildcard = OwnerNames.wildcardOwnerName(name, POLICY.zoneOrigin());
    assertThat(OwnerNames.isValidOwnerName(owner)).as(owner).isTrue();
    assertThat(OwnerNames.isValidOwnerName(wildcard)).as(wildcard).isTrue();
    assertThat(OwnerNames.wireLength(wildcard)).isLessThanOrEqualTo(255);
    assertThat(OwnerNames.wireLength(owner)).isLessThan(OwnerNames.wireLength(wildcard));
    for (String label : owner.substring(0, owner.length() - 1).split("\\.")) {
      assertThat(label.length()).isBetween(1, 63);
    }
  }

  @Property(tries = 5000)
  void neverThrowsForArbitraryStrings(@ForAll String anything) {
    assertThat(VALIDATOR.validate(anything)).isNotNull();
    assertThat(UNDERSCORE_VALIDATOR.validate(anything)).isNotNull();
  }

  @Property(tries = 3000)
  void neverThrowsForNastyStrings(@ForAll("nasty") String line) {
    assertThat(VALIDATOR.validate(line)).isNotNull();
  }

  /** Domain-like lines: labels from a mixed alphabet, optional wildcard, case, dots, spaces. */
  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> label =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("abcxyz019-").ofMinLength(1).ofMaxLength(12),
            Arbitraries.strings().withChars("ABCdefü-ßöé").ofMinLength(1).ofMaxLength(8),
            Arbitraries.strings().withChars("例え中国рфπς_").ofMinLength(1).ofMaxLength(5),
            Arbitraries.of(
                "xn--bcher-kva", "xn--zz", "xn--fa-hia", "com", "co", "uk", "github", "io"),
            Arbitraries.strings().withChars("a").ofMinLength(60).ofMaxLength(66));
    Arbitrary<String> name = label.list().ofMinSize(1).ofMaxSize(6).map(ls -> String.join(".", ls));
    Arbitrary<String> prefix = Arbitraries.of("", "", "", "*.", " ", "\t", "*", "http://");
    Arbitrary<String> suffix = Arbitraries.of("", "", "", ".", "\r", " ", "。", ":80", "..");
    return Combinators.combine(prefix, name, suffix).as((p, n, s) -> p + n + s);
  }

  /** Strings made of the characters the validator treats specially, and unicode oddities. */
  @Provide
  Arbitrary<String> nasty() {
    return Arbitraries.strings()
        .withChars(
            "a1.-_*:/@?#[]% \t\r\n\u0000\u0085\u00A0\u00AD\u200B\u200C\u200D\u2028\u3002\uFF0E\uFEFF\u0301\u0627\u05D0\u2488\u2474\uD83D\uDCA9\uD800ßüİı")
        .ofMaxLength(80);
  }
}
