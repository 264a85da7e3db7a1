package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class NameListCodecProperties {

  @Provide
  Arbitrary<List<String>> lists() {
    return Arbitraries.oneOf(
        ZoneArbitraries.names(300),
        ZoneArbitraries.names(300).map(NameListCodecProperties::sorted),
        Arbitraries.strings().ascii().ofMaxLength(30).list().ofMaxSize(20));
  }

  private static List<String> sorted(List<String> names) {
    List<String> s = new ArrayList<>(names);
    s.sort(CanonicalNameOrder.INSTANCE);
    return s;
  }

  @Property
  void roundTrips(@ForAll("lists") List<String> names) {
    assertThat(NameListCodec.decode(NameListCodec.encode(names))).isEqualTo(names);
  }

  @Property
  void corruptionIsReportedOrHarmless(
      @ForAll("lists") List<String> names,
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    byte[] data = NameListCodec.encode(names);
    byte[] bad = data.clone();
    bad[position % bad.length] ^= (byte) xor;
    List<String> decoded;
    try {
      decoded = NameListCodec.decode(bad);
    } catch (CorruptNameListException expected) {
      return;
    }
    // only a flip in the unused padding bits of a deflate stream can go unnoticed, harmlessly
    assertThat(decoded).isEqualTo(names);
  }

  @Property
  void truncationIsReportedAsCorruption(
      @ForAll("lists") List<String> names, @ForAll @IntRange(min = 1, max = 10_000) int cut) {
    byte[] data = NameListCodec.encode(names);
    byte[] shorter = Arrays.copyOf(data, Math.max(0, data.length - 1 - cut % data.length));
    assertThatThrownBy(() -> NameListCodec.decode(shorter))
        .isInstanceOf(CorruptNameListException.class);
  }

  @Property
  void garbageIsReportedAsCorruption(@ForAll byte[] garbage) {
    Throwable t = catchThrowable(() -> NameListCodec.decode(garbage));
    assertThat(t).isInstanceOf(CorruptNameListException.class);
  }

  @Example
  void sortedListsCompressWell() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      names.add("host" + i + ".example" + (i % 7) + ".com");
    }
    names = sorted(names);
    byte[] data = NameListCodec.encode(names);
    int plain = names.stream().mapToInt(n -> n.length() + 1).sum();
    assertThat(data.length).isLessThan(plain / 4);
    assertThat(NameListCodec.decode(data)).isEqualTo(names);
  }

  @Example
  void aBodyDeflatedInSlicesIsOneStreamThatAPlainInflaterReads() throws Exception {
    // about 3.5 deflate slices of body: the slices' outputs concatenate into one stream
    List<String> names = new ArrayList<>();
    for (int i = 0; names.size() < 1_300_000; i++) {
      names.add("h" + Integer.toString(i * 7919, 36) + ".x" + (i % 97) + ".example.org");
    }
    byte[] encoded = NameListCodec.encode(names);
    assertThat(NameListCodec.decode(encoded)).isEqualTo(names);

    byte[] raw = new byte[3 * NameListCodec.DEFLATE_SLICE + 12_345];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) ("abcdefgh".charAt((i * 31 + i / 7) % 8) + (i % 1000 == 0 ? 1 : 0));
    }
    byte[] deflated = NameListCodec.deflate(raw);
    java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
    inflater.setInput(deflated);
    byte[] back = new byte[raw.length];
    int n = 0;
    while (n < back.length && !inflater.finished()) {
      n += inflater.inflate(back, n, back.length - n);
    }
    assertThat(inflater.finished()).as("the last slice ends the stream").isTrue();
    inflater.end();
    assertThat(n).isEqualTo(raw.length);
    assertThat(back).isEqualTo(raw);
  }

  @Example
  void rejectsWhatItCannotEncode() {
    assertThatThrownBy(() -> NameListCodec.encode(List.of("caf\u00e9.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-ASCII");
  }

  @Example
  void emptyListRoundTrips() {
    assertThat(NameListCodec.decode(NameListCodec.encode(List.of()))).isEmpty();
  }
}
