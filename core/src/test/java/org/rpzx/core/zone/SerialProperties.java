package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** RFC 1982 serial arithmetic, SERIAL_BITS = 32. */
class SerialProperties {

  private static final long MOD = 1L << 32;
  private static final long HALF = 1L << 31;

  @Provide
  Arbitrary<Long> serials() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, MOD - 1),
        Arbitraries.of(0L, 1L, HALF - 1, HALF, HALF + 1, MOD - 2, MOD - 1));
  }

  @Provide
  Arbitrary<Long> increments() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(1, HALF - 1), Arbitraries.of(1L, 2L, HALF - 2, HALF - 1));
  }

  @Property
  void addingMakesANewerSerial(@ForAll("serials") long s, @ForAll("increments") long n) {
    long t = Serial.add(s, n);
    assertThat(Serial.isValid(t)).isTrue();
    assertThat(t).isEqualTo((s + n) % MOD);
    assertThat(Serial.compare(t, s)).isPositive();
    assertThat(Serial.compare(s, t)).isNegative();
    assertThat(Serial.isNewer(t, s)).isTrue();
    assertThat(Serial.isNewer(s, t)).isFalse();
  }

  @Property
  void addingZeroIsIdentity(@ForAll("serials") long s) {
    assertThat(Serial.add(s, 0)).isEqualTo(s);
    assertThat(Serial.compare(s, s)).isZero();
    assertThat(Serial.isNewer(s, s)).isFalse();
  }

  @Property
  void compareIsAntisymmetric(@ForAll("serials") long a, @ForAll("serials") long b) {
    assertThat(Serial.compare(a, b)).isEqualTo(-Serial.compare(b, a));
    assertThat(Serial.isNewer(a, b) && Serial.isNewer(b, a)).isFalse();
  }

  @Property
  void compareFollowsTheForwardDistance(@ForAll("serials") long a, @ForAll("serials") long b) {
    long forward = Math.floorMod(b - a, MOD); // steps from a up to b
    int expected = forward == 0 || forward == HALF ? 0 : forward < HALF ? -1 : 1;
    assertThat(Integer.signum(Serial.compare(a, b))).isEqualTo(expected);
  }

  @Property
  void halfWayApartIsUndefinedSoNeitherIsNewer(@ForAll("serials") long s) {
    long opposite = (s + HALF) % MOD;
    assertThat(Serial.compare(s, opposite)).isZero();
    assertThat(Serial.isNewer(s, opposite)).isFalse();
    assertThat(Serial.isNewer(opposite, s)).isFalse();
  }

  @Property
  void nextIsStrictlyNewerWhateverTheClock(
      @ForAll("serials") long current, @ForAll long epochSeconds) {
    long next = Serial.next(current, epochSeconds);
    assertThat(Serial.isValid(next)).isTrue();
    assertThat(Serial.isNewer(next, current)).isTrue();
  }

  @Property
  void nextTakesTheClockWhenItIsNewer(
      @ForAll("serials") long current,
      @ForAll @LongRange(min = 1, max = (1L << 31) - 1) long ahead) {
    long clock = Serial.add(current, ahead);
    assertThat(Serial.next(current, clock)).isEqualTo(clock);
    assertThat(Serial.next(current, clock + 5 * MOD)).as("clock taken mod 2^32").isEqualTo(clock);
  }

  @Property
  void nextCountsOnWhenTheClockIsNotNewer(
      @ForAll("serials") long current, @ForAll @LongRange(min = 0, max = 1L << 31) long behind) {
    long clock = Math.floorMod(current - behind, MOD);
    assertThat(Serial.next(current, clock)).isEqualTo((current + 1) % MOD);
  }

  @Example
  void wrapsAround() {
    assertThat(Serial.add(MOD - 1, 1)).isZero();
    assertThat(Serial.isNewer(0, MOD - 1)).isTrue();
    assertThat(Serial.isNewer(5, MOD - 10)).isTrue();
    assertThat(Serial.next(MOD - 1, 0)).isZero();
  }

  @Property
  void rejectsValuesOutsideTheSerialSpace(
      @ForAll @LongRange(min = 1L << 32, max = Long.MAX_VALUE) long big,
      @ForAll @LongRange(min = Long.MIN_VALUE, max = -1) long negative) {
    assertThat(Serial.isValid(big)).isFalse();
    assertThat(Serial.isValid(negative)).isFalse();
    assertThatThrownBy(() -> Serial.compare(big, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Serial.add(negative, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Example
  void rejectsIncrementsOutsideRfc1982Range() {
    assertThatThrownBy(() -> Serial.add(0, HALF)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Serial.add(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
