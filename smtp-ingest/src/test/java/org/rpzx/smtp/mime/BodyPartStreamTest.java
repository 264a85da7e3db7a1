package org.rpzx.smtp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyPartStreamTest {

  /** The sections (preamble first) and how the last one ended. */
  private record Split(List<String> sections, BodyPartStream.End end, String rest) {}

  private static Split split(String body, String boundary, int readSize) throws IOException {
    ByteArrayInputStream src = new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1));
    Lookahead in = new Lookahead(src, 1024);
    List<String> sections = new ArrayList<>();
    BodyPartStream s;
    do {
      s = new BodyPartStream(in, boundary);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[readSize];
      int n;
      while ((n = readSize == 1 ? single(s, buf) : s.read(buf, 0, buf.length)) != -1) {
        out.write(buf, 0, n);
      }
      sections.add(out.toString(StandardCharsets.ISO_8859_1));
    } while (s.end() == BodyPartStream.End.NEXT);
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      rest.write(c);
    }
    return new Split(sections, s.end(), rest.toString(StandardCharsets.ISO_8859_1));
  }

  private static int single(BodyPartStream s, byte[] buf) throws IOException {
    int c = s.read();
    if (c < 0) {
      return -1;
    }
    buf[0] = (byte) c;
    return 1;
  }

  @Test
  void lineBreakBeforeDelimiterBelongsToTheDelimiter() throws IOException {
    for (int size : new int[] {1, 3, 8192}) {
      Split s = split("pre\r\n--b\r\nA\r\n\r\nbody\r\n--b\r\nB\r\n--b--\r\nepi\r\n", "b", size);
      assertThat(s.sections()).containsExactly("pre", "A\r\n\r\nbody", "B");
      assertThat(s.end()).isEqualTo(BodyPartStream.End.CLOSE);
      assertThat(s.rest()).isEqualTo("epi\r\n");
    }
  }

  @Test
  void delimiterMayOpenTheBodyAndParts() throws IOException {
    Split s = split("--b\r\n--b\r\nx\r\n--b--", "b", 8192);
    assertThat(s.sections()).containsExactly("", "", "x");
    assertThat(s.end()).isEqualTo(BodyPartStream.End.CLOSE);
  }

  @Test
  void toleratesBareLineFeedsAndTransportPadding() throws IOException {
    Split s = split("\n--b  \t\nx\n--b-- \nafter", "b", 8192);
    assertThat(s.sections()).containsExactly("", "x");
    assertThat(s.end()).isEqualTo(BodyPartStream.End.CLOSE);
    assertThat(s.rest()).isEqualTo("after");
  }

  @Test
  void boundaryFollowedByOtherTextIsContent() throws IOException {
    Split s = split("--b\r\n--bx is not it\r\n--b-not-close\r\n--b--\r\n", "b", 8192);
    assertThat(s.sections()).containsExactly("", "--bx is not it\r\n--b-not-close");
  }

  @Test
  void loneCarriageReturnIsNotALineBreak() throws IOException {
    Split s = split("--b\r\nx\r--b\r\n--b--", "b", 8192);
    assertThat(s.sections()).containsExactly("", "x\r--b");
  }

  @Test
  void endOfStreamEndsASectionWithoutCloseDelimiter() throws IOException {
    Split s = split("--b\r\nlast part\r\n", "b", 8192);
    assertThat(s.sections()).containsExactly("", "last part\r\n");
    assertThat(s.end()).isEqualTo(BodyPartStream.End.EOF);
  }

  @Test
  void boundaryLengthIsBounded() {
    Lookahead in = new Lookahead(new ByteArrayInputStream(new byte[0]), 1024);
    assertThatThrownBy(() -> new BodyPartStream(in, "x".repeat(201)))
        .isInstanceOf(MimeFormatException.class);
    assertThatThrownBy(() -> new BodyPartStream(in, "")).isInstanceOf(MimeFormatException.class);
  }
}
