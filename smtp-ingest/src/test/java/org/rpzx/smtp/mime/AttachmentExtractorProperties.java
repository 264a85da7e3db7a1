package org.rpzx.smtp.mime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.rpzx.core.submission.DomainsFile;

class AttachmentExtractorProperties {

  private final AttachmentExtractor extractor =
      new AttachmentExtractor(MimeLimits.forMessageLimit(1 << 20));

  private record Sent(String text, String charset, String encoding, String name) {
    Sent {
      // UTF-16 is only sane with base64: line-based encodings would split its 0x00 0x0A pairs
      if (charset.equals("UTF-16")) {
        encoding = "base64";
      }
    }
  }

  @Provide
  Arbitrary<Sent> sent() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('0', '9')
            .withChars('.', '-', ' ', '\n', '#', '=', '\t')
            .withCharRange('\u00a0', '\u02ff')
            .withCharRange('\u4e00', '\u4e40')
            .ofMaxLength(400);
    return Combinators.combine(
            text,
            Arbitraries.of("utf-8", "UTF-16", "utf-8"),
            Arbitraries.of("base64", "quoted-printable", "8bit", "BASE64"),
            Arbitraries.of("domains.txt", "DOMAINS.TXT", "Domains.Txt"))
        .as(Sent::new);
  }

  /** Whatever the content, encoding and charset, the text arrives (line breaks canonical). */
  @Property(tries = 300)
  void sentTextArrivesUnchanged(@ForAll("sent") Sent s) throws Exception {
    byte[] message =
        TestMessages.bytes(
            TestMessages.withParts(
                "noc@member.example",
                TestMessages.attachment(s.name(), s.text(), s.charset(), s.encoding())));
    Extraction e = extractor.extract(new ByteArrayInputStream(message));
    assertThat(e).isInstanceOf(Extraction.Extracted.class);
    List<DomainsFile> files = ((Extraction.Extracted) e).message().files();
    assertThat(files).hasSize(1);
    assertThat(files.get(0).filename()).isEqualTo(s.name());
    assertThat(files.get(0).text().replace("\r\n", "\n")).isEqualTo(s.text());
  }

  /** How the network cuts the stream into reads does not change the result. */
  @Property(tries = 200)
  void resultDoesNotDependOnReadSizes(
      @ForAll("sent") Sent s, @ForAll @IntRange(min = 1, max = 97) int chunk) throws Exception {
    byte[] message = nestedMessage(s);
    Extraction whole = extractor.extract(new ByteArrayInputStream(message));
    Extraction chunked = extractor.extract(new Trickle(new ByteArrayInputStream(message), chunk));
    assertThat(chunked).isEqualTo(whole);
    assertThat(whole).isInstanceOf(Extraction.Extracted.class);
  }

  /** Arbitrary bytes never escape as an exception: the answer is always a value. */
  @Property(tries = 500)
  void arbitraryBytesGiveAValue(@ForAll @Size(max = 3000) byte[] junk) throws Exception {
    assertThat(extractor.extract(new ByteArrayInputStream(junk))).isNotNull();
  }

  /** Nor do valid messages with random damage. */
  @Property(tries = 500)
  void damagedMessagesGiveAValue(
      @ForAll("sent") Sent s,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 100_000) Integer> positions,
      @ForAll @Size(min = 1, max = 8) byte[] garbage)
      throws Exception {
    byte[] message = nestedMessage(s);
    for (int p : positions) {
      int at = p % message.length;
      message[at] = garbage[at % garbage.length];
    }
    assertThat(extractor.extract(new ByteArrayInputStream(message))).isNotNull();
  }

  private static byte[] nestedMessage(Sent s) throws MessagingException {
    return TestMessages.bytes(
        TestMessages.withParts(
            "noc@member.example",
            TestMessages.nested(
                "mixed",
                TestMessages.textBody("inner"),
                TestMessages.attachment(s.name(), s.text(), s.charset(), s.encoding())),
            TestMessages.attachment("other.txt", s.text(), "utf-8", "base64")));
  }

  /** Hands out at most {@code chunk} bytes per read, as a slow connection would. */
  private static final class Trickle extends FilterInputStream {
    private final int chunk;

    Trickle(InputStream in, int chunk) {
      super(in);
      this.chunk = chunk;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}
