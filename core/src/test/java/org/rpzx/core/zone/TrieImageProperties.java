package org.rpzx.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The trie image gives back the same trie, and refuses every image it did not write. */
class TrieImageProperties {

  @Provide
  Arbitrary<List<String>> zones() {
    return ZoneArbitraries.names(300);
  }

  @Property(tries = 300)
  void decodingTheImageGivesTheSameTrie(@ForAll("zones") List<String> names) {
    LabelTrie trie = LabelTrie.of(names);
    LabelTrie back = TrieImage.decode(TrieImage.encode(trie));
    assertThat(back.sameLayout(trie)).isTrue();
    assertThat(back.toList()).isEqualTo(trie.toList());
    for (String n : names) {
      assertThat(back.contains(n)).as(n).isTrue();
    }
  }

  @Property(tries = 300)
  void anyChangedByteIsRefused(
      @ForAll("zones") List<String> names,
      @ForAll @IntRange(min = 0, max = 1 << 20) int at,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    byte[] image = TrieImage.encode(LabelTrie.of(names));
    image[at % image.length] ^= (byte) xor;
    assertThatThrownBy(() -> TrieImage.decode(image)).isInstanceOf(CorruptTrieImageException.class);
  }

  @Property(tries = 200)
  void aTruncatedOrExtendedImageIsRefused(
      @ForAll("zones") List<String> names, @ForAll @IntRange(min = -64, max = 64) int delta) {
    byte[] image = TrieImage.encode(LabelTrie.of(names));
    int length = Math.max(0, image.length + (delta == 0 ? -1 : delta));
    byte[] cut = Arrays.copyOf(image, length);
    assertThatThrownBy(() -> TrieImage.decode(cut)).isInstanceOf(CorruptTrieImageException.class);
  }

  @Test
  void theEmptyZoneRoundTrips() {
    LabelTrie back = TrieImage.decode(TrieImage.encode(LabelTrie.empty()));
    assertThat(back.nameCount()).isZero();
    assertThat(back.sameLayout(LabelTrie.empty())).isTrue();
  }

  @Test
  void anImageOfAnotherFormatSaysSo() {
    byte[] image = TrieImage.encode(LabelTrie.of(List.of("a.example")));
    image[11] = 9; // format version 9, checksum recomputed below
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(image, 0, image.length - 4);
    java.nio.ByteBuffer.wrap(image).putInt(image.length - 4, (int) crc.getValue());
    assertThatThrownBy(() -> TrieImage.decode(image))
        .isInstanceOf(CorruptTrieImageException.class)
        .hasMessageContaining("format 9");
  }
}
