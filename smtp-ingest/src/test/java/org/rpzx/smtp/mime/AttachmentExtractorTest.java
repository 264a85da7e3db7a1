package org.rpzx.smtp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.smtp.mime.TestMessages.attachment;
import static org.rpzx.smtp.mime.TestMessages.bytes;
import static org.rpzx.smtp.mime.TestMessages.nested;
import static org.rpzx.smtp.mime.TestMessages.raw;
import static org.rpzx.smtp.mime.TestMessages.textBody;
import static org.rpzx.smtp.mime.TestMessages.withParts;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rpzx.core.submission.DomainsFile;

class AttachmentExtractorTest {

  private static final String FROM = "abuse@member.example";
  private static final String LIST = "bad.example\nworse.example\n";

  private final AttachmentExtractor extractor =
      new AttachmentExtractor(MimeLimits.forMessageLimit(26_214_400));

  private Extraction extract(byte[] message) throws IOException {
    return extractor.extract(new ByteArrayInputStream(message));
  }

  private ExtractedMessage extracted(byte[] message) throws IOException {
    Extraction e = extract(message);
    assertThat(e).isInstanceOf(Extraction.Extracted.class);
    return ((Extraction.Extracted) e).message();
  }

  private Extraction.Rejected rejected(byte[] message) throws IOException {
    Extraction e = extract(message);
    assertThat(e).isInstanceOf(Extraction.Rejected.class);
    return (Extraction.Rejected) e;
  }

  /** A raw single-attachment message around the given part header lines and body. */
  private static byte[] rawWithPart(String partHeaders, String body) {
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

  // --- structure ----------------------------------------------------------------------------

  @Test
  void walksNestedMultipartsTwoLevelsDeep() throws Exception {
    MimeBodyPart alternative =
        nested("alternative", textBody("plain"), textBody("also plain, pretend html"));
    MimeBodyPart inner =
        nested(
            "mixed",
            textBody("inner text"),
            nested("mixed", attachment("domains.txt", LIST, "utf-8", "base64")));
    MimeMessage m = withParts(FROM, alternative, inner);
    assertThat(extracted(bytes(m)).files()).containsExactly(new DomainsFile("domains.txt", LIST));
  }

  @Test
  void collectsEveryDomainsTxtInMessageOrder() throws Exception {
    MimeMessage m =
        withParts(
            FROM,
            attachment("domains.txt", "one.example\n", "utf-8", "base64"),
            attachment("notes.txt", "not.this.example\n", "utf-8", null),
            nested("mixed", attachment("Domains.txt", "two.example\n", "utf-8", null)),
            attachment("domains.txt", "three.example\n", "iso-8859-1", "quoted-printable"));
    assertThat(extracted(bytes(m)).files())
        .extracting(DomainsFile::text)
        .containsExactly("one.example\n", "two.example\n", "three.example\r\n");
  }

  @Test
  void messageWithoutDomainsTxtIsExtractedWithNoFiles() throws Exception {
    MimeMessage m = withParts(FROM, attachment("list.txt", LIST, "utf-8", null));
    ExtractedMessage x = extracted(bytes(m));
    assertThat(x.files()).isEmpty();
    assertThat(x.from()).isEqualTo(FROM);
  }

  @Test
  void wholeMessageCountsWhenItsOwnTypeNamesDomainsTxt() throws Exception {
    byte[] msg =
        raw(
            "From: "
                + FROM
                + "\nContent-Type: text/plain; charset=utf-8; name=\"domains.txt\"\n"
                + "Content-Transfer-Encoding: base64\n\n"
                + base64(utf8(LIST)));
    assertThat(extracted(msg).files()).containsExactly(new DomainsFile("domains.txt", LIST));
  }

  @Test
  void plainMessageBodyIsNotADomainsFile() throws Exception {
    byte[] msg = raw("From: " + FROM + "\nSubject: domains.txt\n\nbad.example\n");
    assertThat(extracted(msg).files()).isEmpty();
  }

  @Test
  void doesNotLookIntoAttachedMessages() throws Exception {
    byte[] msg =
        rawWithPart(
            "Content-Type: message/rfc822",
            "From: other@elsewhere.example\nContent-Type: text/plain; name=domains.txt\n\n"
                + "a.example");
    assertThat(extracted(msg).files()).isEmpty();
  }

  @Test
  void boundsMultipartNesting() throws Exception {
    assertThat(extracted(deeplyNested(8)).files()).hasSize(1);
    Extraction.Rejected r = rejected(deeplyNested(9));
    assertThat(r.kind()).isEqualTo(Extraction.Kind.MALFORMED);
    assertThat(r.reason()).contains("deeper than 8");
  }

  /** {@code levels} nested multiparts with a domains.txt in the innermost. */
  private static byte[] deeplyNested(int levels) {
    StringBuilder sb = new StringBuilder("From: " + FROM + "\n");
    for (int i = 0; i < levels; i++) {
      sb.append("Content-Type: multipart/mixed; boundary=\"lvl").append(i).append("\"\n\n");
      sb.append("--lvl").append(i).append("\n");
    }
    sb.append("Content-Type: text/plain; name=domains.txt\n\na.example\n");
    for (int i = levels - 1; i >= 0; i--) {
      sb.append("--lvl").append(i).append("--\n");
    }
    return raw(sb.toString());
  }

  @Test
  void multipartWithoutBoundaryIsRejected() throws Exception {
    byte[] msg = raw("From: " + FROM + "\nContent-Type: multipart/mixed\n\nwhatever\n");
    assertThat(rejected(msg).reason()).contains("without a boundary");
  }

  @Test
  void headerSectionIsBounded() throws Exception {
    AttachmentExtractor small = new AttachmentExtractor(new MimeLimits(8, 200, 1000));
    byte[] msg = raw("From: " + FROM + "\nX-Filler: " + "x".repeat(300) + "\n\nbody\n");
    Extraction e = small.extract(new ByteArrayInputStream(msg));
    assertThat(((Extraction.Rejected) e).reason()).contains("header section larger than 200");
  }

  @Test
  void reportsSmimeForm() throws Exception {
    byte[] signed =
        raw(
            "From: "
                + FROM
                + "\nContent-Type: multipart/signed; protocol=\"application/pkcs7-signature\";"
                + " micalg=sha-256; boundary=s1\n\n--s1\n"
                + "Content-Type: text/plain; name=domains.txt\n\na.example\n--s1\n"
                + "Content-Type: application/pkcs7-signature; name=smime.p7s\n"
                + "Content-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\n--s1--\n");
    ExtractedMessage x = extracted(signed);
    assertThat(x.smime()).isEqualTo(SmimeForm.MULTIPART_SIGNED);
    assertThat(x.files()).containsExactly(new DomainsFile("domains.txt", "a.example"));
    byte[] opaque =
        raw(
            "From: "
                + FROM
                + "\nContent-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\n"
                + "Content-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\n");
    assertThat(extracted(opaque).smime()).isEqualTo(SmimeForm.PKCS7_MIME);
  }

  @Test
  void readsTheWholeStreamEvenWhenRejecting() throws Exception {
    byte[] msg = raw("From: " + FROM + "\nContent-Type: multipart/mixed\n\n" + "x\n".repeat(5000));
    ByteArrayInputStream in = new ByteArrayInputStream(msg);
    extractor.extract(in);
    assertThat(in.available()).isZero();
  }

  // --- From and Message-ID -------------------------------------------------------------------

  @Test
  void readsFromWithEncodedDisplayName() throws Exception {
    assertThat(fromOf("=?UTF-8?Q?M=C3=BCller_NOC?= <noc@member.example>"))
        .isEqualTo("noc@member.example");
    assertThat(fromOf("\"Doe, John (NOC)\" <john@member.example> (comment)"))
        .isEqualTo("john@member.example");
    assertThat(fromOf("plain@member.example")).isEqualTo("plain@member.example");
    assertThat(fromOf("Folded Name\n <folded@member.example>")).isEqualTo("folded@member.example");
  }

  private String fromOf(String header) throws IOException {
    return extracted(raw("From: " + header + "\nSubject: x\n\nbody\n")).from();
  }

  @Test
  void rejectsMissingOrAmbiguousFrom() throws Exception {
    assertThat(senderProblem("Subject: x\n\nbody\n")).contains("no From header");
    assertThat(senderProblem("From: a@member.example\nFrom: b@member.example\n\nbody\n"))
        .contains("2 From headers");
    assertThat(senderProblem("From: a@member.example, b@member.example\n\nbody\n"))
        .contains("names 2 addresses");
    assertThat(senderProblem("From: NOC: a@member.example, b@member.example;\n\nbody\n"))
        .contains("group");
    assertThat(senderProblem("From: not an address\n\nbody\n")).contains("not a valid address");
    assertThat(senderProblem("From: \n\nbody\n")).contains("no address");
  }

  private String senderProblem(String message) throws IOException {
    Extraction.Rejected r = rejected(raw(message));
    assertThat(r.kind()).isEqualTo(Extraction.Kind.SENDER);
    return r.reason();
  }

  @Test
  void readsMessageId() throws Exception {
    assertThat(
            extracted(raw("From: " + FROM + "\nMessage-ID:\n <abc.1@host.example>\n\nx\n"))
                .messageId())
        .isEqualTo("<abc.1@host.example>");
    assertThat(extracted(raw("From: " + FROM + "\n\nx\n")).messageId()).isNull();
  }

  // --- helpers ------------------------------------------------------------------------------

  private static String base64Part(String charset) {
    return "Content-Type: text/plain"
        + (charset == null ? "" : "; charset=" + charset)
        + "\nContent-Disposition: attachment; filename=domains.txt\n"
        + "Content-Transfer-Encoding: base64";
  }

  private static String base64(byte[] content) {
    return java.util.Base64.getMimeEncoder().encodeToString(content);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
