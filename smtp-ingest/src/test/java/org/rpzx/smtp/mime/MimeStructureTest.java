package org.rpzx.smtp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.smtp.mime.ExtractorFixtures.EXTRACTOR;
import static org.rpzx.smtp.mime.ExtractorFixtures.FROM;
import static org.rpzx.smtp.mime.ExtractorFixtures.LIST;
import static org.rpzx.smtp.mime.ExtractorFixtures.base64;
import static org.rpzx.smtp.mime.ExtractorFixtures.extracted;
import static org.rpzx.smtp.mime.ExtractorFixtures.rawWithPart;
import static org.rpzx.smtp.mime.ExtractorFixtures.rejected;
import static org.rpzx.smtp.mime.ExtractorFixtures.utf8;
import static org.rpzx.smtp.mime.TestMessages.attachment;
import static org.rpzx.smtp.mime.TestMessages.bytes;
import static org.rpzx.smtp.mime.TestMessages.nested;
import static org.rpzx.smtp.mime.TestMessages.raw;
import static org.rpzx.smtp.mime.TestMessages.textBody;
import static org.rpzx.smtp.mime.TestMessages.withParts;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.rpzx.core.submission.DomainsFile;

/** The MIME walk as the extractor sees it: nesting, its bound, several files, S/MIME forms. */
class MimeStructureTest {

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
  void truncatedSignaturesAreSignatureProblemsNotUnsignedMail() throws Exception {
    byte[] signed =
        raw(
            "From: "
                + FROM
                + "\nContent-Type: multipart/signed; protocol=\"application/pkcs7-signature\";"
                + " micalg=sha-256; boundary=s1\n\n--s1\n"
                + "Content-Type: text/plain; name=domains.txt\n\na.example\n--s1\n"
                + "Content-Type: application/pkcs7-signature; name=smime.p7s\n"
                + "Content-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\n--s1--\n");
    Extraction.Rejected r = rejected(signed);
    assertThat(r.kind()).isEqualTo(Extraction.Kind.SIGNATURE);
    assertThat(r.reason()).startsWith("the S/MIME signature (part 2) cannot be read");
    byte[] opaque =
        raw(
            "From: "
                + FROM
                + "\nContent-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\n"
                + "Content-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\n");
    assertThat(rejected(opaque).kind()).isEqualTo(Extraction.Kind.SIGNATURE);
  }

  @Test
  void readsTheWholeStreamEvenWhenRejecting() throws Exception {
    byte[] msg = raw("From: " + FROM + "\nContent-Type: multipart/mixed\n\n" + "x\n".repeat(5000));
    ByteArrayInputStream in = new ByteArrayInputStream(msg);
    EXTRACTOR.extract(in);
    assertThat(in.available()).isZero();
  }
}
