package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link DotTerminatedData} means what SubEthaSMTP's byte-by-byte streams mean, for any bytes: the
 * same message, the same failure when the terminator is missing, and the bytes after the terminator
 * (a pipelined command) left unread.
 */
class DotTerminatedDataProperties {

  @Property(tries = 400)
  void sameMessageAndRestAsSubethaSmtp(
      @ForAll("wire") byte[] wire, @ForAll @IntRange(min = 1, max = 20_000) int chunk) {
    DataReaders.assertAgree(wire, chunk);
  }

  @Example
  void aStuffedDotOnTheFirstLineIsRemovedAsOnAnyOtherLine() {
    byte[] wire = "..x\r\n..y\r\n.\r\nQUIT\r\n".getBytes(StandardCharsets.ISO_8859_1);

    DataReaders.Read ours = DataReaders.blocks(wire, 100);

    assertThat(ours.message()).isEqualTo(".x\r\n.y\r\n"); // RFC 5321 §4.5.2
    assertThat(DataReaders.subetha(wire).message()).isEqualTo("..x\r\n.y\r\n");
    assertThat(ours.rest()).isEqualTo("QUIT\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  @Example
  void aMessageOfNothingEndsAtTheFirstLine() {
    DataReaders.Read ours =
        DataReaders.blocks(".\r\nQUIT\r\n".getBytes(StandardCharsets.ISO_8859_1), 10);

    assertThat(ours.message()).isEmpty();
    assertThat(ours.failure()).isNull();
    assertThat(ours.rest()).isEqualTo("QUIT\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Messages of up to ~60 KB (several 8 KB blocks) from pieces that matter to the decoder: dots, CR
   * and LF alone and together, terminators, text; then usually a terminator and a command.
   */
  @Provide
  Arbitrary<byte[]> wire() {
    List<String> pieces =
        List.of(".", "..", "\r", "\n", "\r\n", "\r\n.", ".\r\n", "\r\n.\r\n", "x", "line of text ");
    Arbitrary<String> body =
        Arbitraries.oneOf(
                Arbitraries.of(pieces),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(300))
            .list()
            .ofMaxSize(600)
            .map(l -> String.join("", l));
    Arbitrary<String> end = Arbitraries.of("\r\n.\r\nQUIT\r\n", "\r\n.\r\n", ".\r\n", "", "\r\n");
    return body.flatMap(
        b ->
            end.map(
                e -> {
                  ByteArrayOutputStream out = new ByteArrayOutputStream();
                  out.writeBytes(b.getBytes(StandardCharsets.ISO_8859_1));
                  out.writeBytes(e.getBytes(StandardCharsets.ISO_8859_1));
                  return out.toByteArray();
                }));
  }
}
