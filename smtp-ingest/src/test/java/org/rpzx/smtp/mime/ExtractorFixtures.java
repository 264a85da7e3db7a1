package org.rpzx.smtp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.smtp.mime.TestMessages.raw;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Shared inputs and one-line extraction calls for the extractor's unit tests. */
final class ExtractorFixtures {
  private ExtractorFixtures() {}

  static final String FROM = "abuse@member.example";
  static final String LIST = "bad.example\nworse.example\n";

  static final AttachmentExtractor EXTRACTOR =
      new AttachmentExtractor(MimeLimits.forMessageLimit(26_214_400));

  static Extraction extract(byte[] message) throws IOException {
    return EXTRACTOR.extract(new ByteArrayInputStream(message));
  }

  static ExtractedMessage extracted(byte[] message) throws IOException {
    Extraction e = extract(message);
    assertThat(e).isInstanceOf(Extraction.Extracted.class);
    return ((Extraction.Extracted) e).message();
  }

  static Extraction.Rejected rejected(byte[] message) throws IOException {
    Extraction e = extract(message);
    assertThat(e).isInstanceOf(Extraction.Rejected.class);
    return (Extraction.Rejected) e;
  }

  /** A raw message with a text body and one more part of the given header lines and body. */
  static byte[] rawWithPart(String partHeaders, String body) {
    return raw(
        "From: "
            + FROM
            + "\nTo: rpz@community.example\nMessage-ID: <m1@member.example>\n"
            + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n"
            + "preamble\n--b1\nContent-Type: text/plain\n\nbody text\n--b1\n"
            + partHeaders
            + "\n\n"
            + body
            + "\n--b1--\nepilogue\n");
  }

  static String base64Part(String charset) {
    return "Content-Type: text/plain"
        + (charset == null ? "" : "; charset=" + charset)
        + "\nContent-Disposition: attachment; filename=domains.txt\n"
        + "Content-Transfer-Encoding: base64";
  }

  static String base64(byte[] content) {
    return java.util.Base64.getMimeEncoder().encodeToString(content);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
