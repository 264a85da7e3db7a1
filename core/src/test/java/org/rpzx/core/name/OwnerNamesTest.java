package org.rpzx.core.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OwnerNamesTest {

  @Test
  void wireLengthCountsLengthOctetsAndTheRoot() {
    assertThat(OwnerNames.wireLength("")).isEqualTo(1);
    assertThat(OwnerNames.wireLength(".")).isEqualTo(1);
    assertThat(OwnerNames.wireLength("com")).isEqualTo(5);
    assertThat(OwnerNames.wireLength("com.")).isEqualTo(5);
    assertThat(OwnerNames.wireLength("community.rpz.")).isEqualTo(15);
    assertThat(OwnerNames.wireLength("evil.example")).isEqualTo(14);
  }

  @Test
  void wildcardOwnerLengthAndTheZoneBoundary() {
    assertThat(OwnerNames.wildcardOwnerWireLength("evil.example", "community.rpz."))
        .isEqualTo(OwnerNames.wireLength("*.evil.example.community.rpz."))
        .isEqualTo(30);
    assertThat(OwnerNames.wildcardOwnerWireLength("evil.example", "."))
        .isEqualTo(OwnerNames.wireLength("*.evil.example."));
    String n237 =
        "a".repeat(63)
            + "."
            + "b".repeat(63)
            + "."
            + "c".repeat(63)
            + "."
            + "d".repeat(41)
            + ".com";
    assertThat(OwnerNames.wildcardOwnerWireLength(n237, "community.rpz.")).isEqualTo(255);
    assertThat(OwnerNames.fitsZone(n237, "community.rpz.")).isTrue();
    assertThat(OwnerNames.fitsZone("x" + n237, "community.rpz.")).isFalse();
  }

  @Test
  void ownerNamesAreAbsolute() {
    assertThat(OwnerNames.ownerName("evil.example", "Community.RPZ"))
        .isEqualTo("evil.example.community.rpz.");
    assertThat(OwnerNames.wildcardOwnerName("evil.example", "community.rpz."))
        .isEqualTo("*.evil.example.community.rpz.");
    assertThat(OwnerNames.ownerName("evil.example", ".")).isEqualTo("evil.example.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".",
        "community.rpz.",
        "evil.example.community.rpz.",
        "*.evil.example.community.rpz.",
        "xn--bcher-kva.example.community.rpz",
        "A-1.Example.",
      })
  void validOwnerNames(String name) {
    assertThat(OwnerNames.isValidOwnerName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a..b.",
        "-a.example.",
        "a-.example.",
        "a.*.example.",
        "**.example.",
        "_dmarc.example.",
        "bücher.example.",
        "a b.example.",
      })
  void invalidOwnerNames(String name) {
    assertThat(OwnerNames.isValidOwnerName(name)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"63,true", "64,false"})
  void labelLengthLimit(int n, boolean valid) {
    assertThat(OwnerNames.isValidOwnerName("a".repeat(n) + ".example.")).isEqualTo(valid);
  }

  @Test
  void totalLengthLimitAndUnderscorePolicy() {
    String n =
        "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61) + ".";
    assertThat(OwnerNames.wireLength(n)).isEqualTo(255);
    assertThat(OwnerNames.isValidOwnerName(n)).isTrue();
    assertThat(OwnerNames.isValidOwnerName("e" + n)).isFalse();
    assertThat(OwnerNames.isValidOwnerName("_dmarc.example.", true)).isTrue();
    assertThat(OwnerNames.isValidOwnerName(null)).isFalse();
  }
}
