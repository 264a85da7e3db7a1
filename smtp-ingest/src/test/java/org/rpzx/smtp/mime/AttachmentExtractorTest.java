package org.rpzx.smtp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.smtp.mime.ExtractorFixtures.FROM;
import static org.rpzx.smtp.mime.ExtractorFixtures.LIST;
import static org.rpzx.smtp.mime.ExtractorFixtures.base64;
import static org.rpzx.smtp.mime.ExtractorFixtures.base64Part;
import static org.rpzx.smtp.mime.ExtractorFixtures.concat;
import static org.rpzx.smtp.mime.ExtractorFixtures.extracted;
import static org.rpzx.smtp.mime.ExtractorFixtures.rawWithPart;
import static org.rpzx.smtp.mime.ExtractorFixtures.rejected;
import static org.rpzx.smtp.mime.ExtractorFixtures.utf8;
import static org.rpzx.smtp.mime.TestMessages.attachment;
import static org.rpzx.smtp.mime.TestMessages.bytes;
import static org.rpzx.smtp.mime.TestMessages.raw;
import static org.rpzx.smtp.mime.TestMessages.withParts;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rpzx.core.submission.DomainsFile;

/** Finding {@code domains.txt} by name and decoding it: encodings and charsets. */
class AttachmentExtractorTest {

  // --- file names ---------------------------------------------------------------------------

  @Test
  void findsAttachmentByContentDispositionFilename() throws Exception {
    MimeMessage m = withParts(FROM, attachment("domains.txt", LIST, "utf-8", null));
    ExtractedMessage x = extracted(bytes(m));
    assertThat(x.files()).containsExactly(new DomainsFile("domains.txt", LIST));
    assertThat(x.from()).isEqualTo(FROM);
    assertThat(x.messageId()).isEqualTo(m.getMessageID());
    assertThat(x.smime()).isEqualTo(SmimeForm.NONE);
  }

  @Test
  void findsAttachmentByContentTypeNameOnly() throws Exception {
    byte[] msg = rawWithPart("Content-Type: text/plain; name=\"domains.txt\"", "a.example");
    assertThat(extracted(msg).files()).containsExactly(new DomainsFile("domains.txt", "a.example"));
  }

  @Test
  void dispositionFilenameWinsOverContentTypeName() throws Exception {
    byte[] msg =
        rawWithPart(
            "Content-Type: text/plain; name=\"other.txt\"\n"
                + "Content-Disposition: attachment; filename=domains.txt",
            "a.example");
    assertThat(extracted(msg).files()).hasSize(1);
    byte[] reverse =
        rawWithPart(
            "Content-Type: text/plain; name=\"domains.txt\"\n"
                + "Content-Disposition: attachment; filename=other.txt",
            "a.example");
    assertThat(extracted(reverse).files()).isEmpty();
  }

  @Test
  void decodesRfc2231WithCharsetAndContinuations() throws Exception {
    byte[] msg =
        rawWithPart(
            "Content-Type: text/plain\n"
                + "Content-Disposition: attachment;\n filename*0*=iso-8859-1'en'dom%61;\n"
                + " filename*1=\"ins.txt\"",
            "a.example");
    assertThat(extracted(msg).files()).containsExactly(new DomainsFile("domains.txt", "a.example"));
  }

  @Test
  void rfc2231NameThatDecodesToSomethingElseDoesNotMatch() throws Exception {
    byte[] msg =
        rawWithPart(
            "Content-Type: text/plain\n"
                + "Content-Disposition: attachment; filename*=UTF-8''d%C3%B6mains.txt",
            "a.example");
    assertThat(extracted(msg).files()).isEmpty();
  }

  @Test
  void decodesRfc2047EncodedWordsInNames() throws Exception {
    byte[] inDisposition =
        rawWithPart(
            "Content-Type: text/plain\n"
                + "Content-Disposition: attachment; filename=\"=?UTF-8?B?ZG9tYWlucy50eHQ=?=\"",
            "a.example");
    assertThat(extracted(inDisposition).files()).hasSize(1);
    byte[] inContentType =
        rawWithPart(
            "Content-Type: text/plain; name=\"=?iso-8859-1?Q?domains=2Etxt?=\"", "a.example");
    assertThat(extracted(inContentType).files()).hasSize(1);
  }

  @Test
  void matchesNameCaseInsensitivelyAndKeepsItAsSent() throws Exception {
    MimeMessage m = withParts(FROM, attachment("DOMAINS.TXT", LIST, "utf-8", null));
    assertThat(extracted(bytes(m)).files()).containsExactly(new DomainsFile("DOMAINS.TXT", LIST));
  }

  @Test
  void doesNotFoldNonAsciiLettersIntoTheName() throws Exception {
    // U+0131 (dotless i) upper-cases to I: String.equalsIgnoreCase would call this a match
    MimeMessage m = withParts(FROM, attachment("doma\u0131ns.txt", LIST, "utf-8", null));
    assertThat(extracted(bytes(m)).files()).isEmpty();
  }

  @Test
  void readsNamesThatStrictParameterParsingRefuses() throws Exception {
    byte[] windowsPath =
        rawWithPart(
            "Content-Type: text/plain\n"
                + "Content-Disposition: attachment; filename=C:\\Users\\noc\\domains.txt",
            "a.example");
    assertThat(extracted(windowsPath).files())
        .containsExactly(new DomainsFile("domains.txt", "a.example"));
  }

  // --- transfer encodings and charsets -------------------------------------------------------

  @Test
  void decodesBase64() throws Exception {
    MimeMessage m = withParts(FROM, attachment("domains.txt", LIST, "utf-8", "base64"));
    byte[] b = bytes(m);
    assertThat(new String(b, StandardCharsets.US_ASCII))
        .contains("Content-Transfer-Encoding: base64")
        .doesNotContain("worse.example");
    assertThat(extracted(b).files()).containsExactly(new DomainsFile("domains.txt", LIST));
  }

  @Test
  void decodesQuotedPrintableIso88591() throws Exception {
    String text = "b\u00fccher.example\n";
    MimeMessage m =
        withParts(FROM, attachment("domains.txt", text, "iso-8859-1", "quoted-printable"));
    byte[] b = bytes(m);
    assertThat(new String(b, StandardCharsets.US_ASCII)).contains("b=FCcher.example");
    // quoted-printable carries text in canonical form: line breaks arrive as CRLF
    assertThat(extracted(b).files())
        .containsExactly(new DomainsFile("domains.txt", "b\u00fccher.example\r\n"));
  }

  @Test
  void decodes8bitIso88591() throws Exception {
    byte[] msg =
        rawWithPart(
            "Content-Type: text/plain; charset=ISO-8859-1; name=domains.txt\n"
                + "Content-Transfer-Encoding: 8bit",
            "b\u00fccher.example");
    assertThat(msg).contains((byte) 0xFC);
    assertThat(extracted(msg).files())
        .containsExactly(new DomainsFile("domains.txt", "b\u00fccher.example"));
  }

  @Test
  void decodesWindows1252() throws Exception {
    byte[] msg =
        rawWithPart(
            "Content-Type: text/plain; charset=windows-1252; name=domains.txt\n"
                + "Content-Transfer-Encoding: quoted-printable",
            "=80uro.example");
    assertThat(extracted(msg).files())
        .containsExactly(new DomainsFile("domains.txt", "\u20acuro.example"));
  }

  @Test
  void defaultsToUtf8() throws Exception {
    byte[] msg =
        rawWithPart(
            "Content-Type: application/octet-stream; name=domains.txt\n"
                + "Content-Transfer-Encoding: base64",
            java.util.Base64.getMimeEncoder()
                .encodeToString("m\u00fcnchen.example".getBytes(StandardCharsets.UTF_8)));
    assertThat(extracted(msg).files())
        .containsExactly(new DomainsFile("domains.txt", "m\u00fcnchen.example"));
  }

  @Test
  void stripsUtf8ByteOrderMark() throws Exception {
    byte[] content = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(LIST));
    byte[] msg = rawWithPart(base64Part("utf-8"), base64(content));
    assertThat(extracted(msg).files()).containsExactly(new DomainsFile("domains.txt", LIST));
  }

  @Test
  void byteOrderMarkWinsOverMissingCharset() throws Exception {
    byte[] content =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, LIST.getBytes(StandardCharsets.UTF_16LE));
    byte[] msg = rawWithPart(base64Part(null), base64(content));
    assertThat(extracted(msg).files()).containsExactly(new DomainsFile("domains.txt", LIST));
  }

  @Test
  void invalidBytesBecomeReplacementCharacters() throws Exception {
    byte[] content =
        concat(utf8("ok.example\nb"), new byte[] {(byte) 0xFC}, utf8("cher.example\n"));
    byte[] msg = rawWithPart(base64Part("utf-8"), base64(content));
    assertThat(extracted(msg).files().get(0).text()).isEqualTo("ok.example\nb\ufffdcher.example\n");
  }

  @Test
  void unknownCharsetRejectsTheMessage() throws Exception {
    byte[] msg = rawWithPart(base64Part("x-no-such-charset"), base64(utf8(LIST)));
    Extraction.Rejected r = rejected(msg);
    assertThat(r.kind()).isEqualTo(Extraction.Kind.MALFORMED);
    assertThat(r.reason()).contains("part 2 (domains.txt)").contains("x-no-such-charset");
  }

  @Test
  void unknownTransferEncodingRejectsTheMessage() throws Exception {
    byte[] msg =
        rawWithPart(
            "Content-Type: text/plain; name=domains.txt\nContent-Transfer-Encoding: x-gzip64",
            "H4sI");
    assertThat(rejected(msg).reason()).contains("x-gzip64");
  }

  @Test
  void transferEncodingAndMultipartAreCaseInsensitive() throws Exception {
    byte[] msg =
        raw(
            "From: "
                + FROM
                + "\nContent-Type: Multipart/Mixed; Boundary=XyZ\n\n--XyZ\n"
                + "Content-Type: TEXT/PLAIN; NAME=domains.txt\nContent-Transfer-Encoding: BASE64\n\n"
                + base64(utf8(LIST))
                + "\n--XyZ--\n");
    assertThat(extracted(msg).files()).containsExactly(new DomainsFile("domains.txt", LIST));
  }

  @Test
  void decodedContentIsBounded() throws Exception {
    AttachmentExtractor small = new AttachmentExtractor(new MimeLimits(8, 4096, 10));
    MimeMessage m = withParts(FROM, attachment("domains.txt", LIST, "utf-8", "base64"));
    Extraction e = small.extract(new ByteArrayInputStream(bytes(m)));
    assertThat(e).isInstanceOf(Extraction.Rejected.class);
    assertThat(((Extraction.Rejected) e).reason()).contains("larger than 10 bytes");
  }
}
