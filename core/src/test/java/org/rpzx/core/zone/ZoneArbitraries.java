package org.rpzx.core.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of relative names drawn from a small label set, so that names share structure. */
final class ZoneArbitraries {

  private ZoneArbitraries() {}

  static Arbitrary<String> label() {
    Arbitrary<String> common =
        Arbitraries.of("a", "b", "c", "aa", "ab", "com", "org", "net", "xn--p1ai", "a-b", "0", "z");
    Arbitrary<String> random =
        Arbitraries.strings().withChars("abcxyz019-_").ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> longLabel = Arbitraries.strings().withChars("ab").ofLength(63);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, common),
        net.jqwik.api.Tuple.of(4, random),
        net.jqwik.api.Tuple.of(1, longLabel));
  }

  /** A valid active name of 1 to 4 labels. */
  static Arbitrary<String> name() {
    return label()
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(labels -> String.join(".", labels))
        .filter(n -> n.length() <= 251);
  }

  static Arbitrary<List<String>> names(int max) {
    return name().list().ofMaxSize(max);
  }

  /** Query names: names, their ancestors and descendants, wildcard forms, upper case, strangers. */
  static Arbitrary<String> queryNear(List<String> base) {
    Arbitrary<String> fromBase =
        base.isEmpty() ? name() : Arbitraries.of(base).injectDuplicates(0.1);
    Arbitrary<String> prefix = Arbitraries.of("", "*.", "x.", "*.x.", "x.*.", "a.", "com.", "*.*.");
    Arbitrary<Integer> cut = Arbitraries.integers().between(0, 3);
    Arbitrary<String> derived =
        Combinators.combine(prefix, fromBase, cut)
            .as(
                (p, n, c) -> {
                  List<String> labels = new ArrayList<>(Arrays.asList(n.split("\\.")));
                  int drop = Math.min(c, labels.size());
                  List<String> kept = labels.subList(drop, labels.size());
                  String rest = String.join(".", kept);
                  if (rest.isEmpty()) {
                    return p.isEmpty() ? "" : p.substring(0, p.length() - 1);
                  }
                  return p + rest;
                });
    return Arbitraries.oneOf(derived, derived, name(), derived.map(String::toUpperCase));
  }
}
