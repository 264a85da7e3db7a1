package org.rpzx.smtp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rpzx.smtp.mime.ExtractorFixtures.EXTRACTOR;
import static org.rpzx.smtp.mime.ExtractorFixtures.extracted;
import static org.rpzx.smtp.mime.ExtractorFixtures.rejected;
import static org.rpzx.smtp.mime.TestMessages.raw;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.rpzx.smtp.smime.TestPki;
import org.rpzx.smtp.smime.TestSigner;

/** How the walk reads S/MIME structures, and which ones it refuses before any verification. */
class SmimeExtractionTest {

  static final String FROM = "noc@member.example";
  static final TestPki.Issued SIGNER = TestPki.endEntity("NOC").email(FROM).issue(null);
  static final String CONTENT = TestSigner.content("a.example");

  private static String refusal(String message) throws IOException {
    Extraction.Rejected r = rejected(raw(message));
    assertThat(r.kind()).isEqualTo(Extraction.Kind.SIGNATURE);
    return r.reason();
  }

  private static String signedHeader(String protocol) {
    return "From: "
        + FROM
        + "\nContent-Type: multipart/signed; protocol=\""
        + protocol
        + "\"; boundary=s\n\n";
  }

  @Test
  void unsignedMailHasNoSignature() throws Exception {
    ExtractedMessage m =
        extracted(
            raw("From: " + FROM + "\nContent-Type: text/plain; name=domains.txt\n\nx.example\n"));
    assertThat(m.smime()).isEqualTo(SmimeForm.NONE);
    assertThat(m.signature()).isNull();
    assertThat(m.signed()).isFalse();
  }

  @Test
  void bothFormsCarryTheirSignatureAndTheFilesInside() throws Exception {
    ExtractedMessage d = extracted(TestSigner.by(SIGNER).detached(FROM, CONTENT));
    assertThat(d.smime()).isEqualTo(SmimeForm.MULTIPART_SIGNED);
    assertThat(d.signature().signers().size()).isEqualTo(1);
    assertThat(d.files()).extracting(f -> f.text()).containsExactly("a.example");
    ExtractedMessage o = extracted(TestSigner.by(SIGNER).opaque(FROM, CONTENT));
    assertThat(o.smime()).isEqualTo(SmimeForm.PKCS7_MIME);
    assertThat(o.signature().signers().size()).isEqualTo(1);
    assertThat(o.files()).extracting(f -> f.text()).containsExactly("a.example");
  }

  @Test
  void otherSignatureProtocolsAreRefused() throws Exception {
    assertThat(
            refusal(
                signedHeader("application/pgp-signature")
                    + "--s\nContent-Type: text/plain; name=domains.txt\n\na.example\n--s\n"
                    + "Content-Type: application/pgp-signature\n\nxx\n--s--\n"))
        .isEqualTo(
            "the message is signed with application/pgp-signature;"
                + " only S/MIME signatures (application/pkcs7-signature) can be checked");
  }

  @Test
  void multipartSignedNeedsExactlyContentAndSignature() throws Exception {
    String p7s =
        "Content-Type: application/pkcs7-signature\nContent-Transfer-Encoding: base64\n\nMIAG\n";
    assertThat(
            refusal(
                signedHeader("application/pkcs7-signature")
                    + "--s\nContent-Type: text/plain\n\nx\n--s--\n"))
        .isEqualTo("multipart/signed needs two parts, the content and its signature");
    assertThat(
            refusal(
                signedHeader("application/pkcs7-signature")
                    + "--s\nContent-Type: text/plain\n\nx\n--s\n"
                    + p7s
                    + "--s\nContent-Type: text/plain; name=domains.txt\n\nsmuggled.example\n--s--\n"))
        .isEqualTo("multipart/signed has more than two parts");
    assertThat(
            refusal(
                signedHeader("application/pkcs7-signature")
                    + "--s\nContent-Type: text/plain\n\nx\n--s\n"
                    + "Content-Type: text/plain; name=domains.txt\n\nsmuggled.example\n--s--\n"))
        .isEqualTo("part 2 of multipart/signed is text/plain, not application/pkcs7-signature");
  }

  @Test
  void smimeBelowTheTopLevelIsRefused() throws Exception {
    String signed =
        new String(TestSigner.by(SIGNER).detached(FROM, CONTENT), StandardCharsets.ISO_8859_1);
    String body = signed.substring(signed.indexOf("Content-Type: multipart/signed"));
    assertThat(
            refusal(
                "From: "
                    + FROM
                    + "\nContent-Type: multipart/mixed; boundary=m\n\n--m\n"
                    + "Content-Type: text/plain; name=domains.txt\n\nunsigned.example\n--m\n"
                    + body
                    + "\n--m--\n"))
        .isEqualTo(
            "S/MIME on part 2 only is not accepted: the signature must cover the whole message");
    assertThat(
            refusal(
                "From: "
                    + FROM
                    + "\nContent-Type: multipart/mixed; boundary=m\n\n--m\n"
                    + "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\n"
                    + "Content-Transfer-Encoding: base64\n\nMIAG\n--m--\n"))
        .startsWith("S/MIME on part 1 only is not accepted");
  }

  @Test
  void smimeInsideOpaqueContentIsRefused() throws Exception {
    String inner =
        "Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\n"
            + "Content-Type: application/pkcs7-signature\r\n\r\nxx\r\n--m--\r\n";
    Extraction.Rejected r = rejected(TestSigner.by(SIGNER).opaque(FROM, inner));
    assertThat(r.kind()).isEqualTo(Extraction.Kind.SIGNATURE);
    assertThat(r.reason()).startsWith("S/MIME on part 1.1 only is not accepted");
  }

  @Test
  void encryptedAndOtherSmimeTypesAreRefused() throws Exception {
    String p7m = "From: " + FROM + "\nContent-Type: application/pkcs7-mime; smime-type=";
    assertThat(refusal(p7m + "enveloped-data\nContent-Transfer-Encoding: base64\n\nMIAG\n"))
        .isEqualTo("the message is encrypted (S/MIME enveloped-data); sign it without encrypting");
    assertThat(refusal(p7m + "compressed-data\n\nx\n"))
        .isEqualTo("S/MIME compressed-data is not supported; send signed-data");
    assertThat(refusal(p7m + "certs-only\n\nx\n")).contains("certs-only is not supported");
  }

  @Test
  void opaqueWithoutSmimeTypeIsReadAsSignedData() throws Exception {
    String opaque =
        new String(TestSigner.by(SIGNER).opaque(FROM, CONTENT), StandardCharsets.ISO_8859_1);
    byte[] untyped =
        opaque
            .replace("; smime-type=signed-data", "")
            .replace("application/pkcs7-mime", "application/x-pkcs7-mime")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(extracted(untyped).smime()).isEqualTo(SmimeForm.PKCS7_MIME);
  }

  @Test
  void aDetachedSignatureInsideTheOpaqueFormIsRefused() throws Exception {
    byte[] detachedDer =
        TestSigner.by(SIGNER).cms(CONTENT.getBytes(StandardCharsets.US_ASCII), false);
    String msg =
        "From: "
            + FROM
            + "\nContent-Type: application/pkcs7-mime; smime-type=signed-data\n"
            + "Content-Transfer-Encoding: base64\n\n"
            + Base64.getMimeEncoder().encodeToString(detachedDer)
            + "\n";
    assertThat(refusal(msg)).contains("holds no content");
  }

  @Test
  void theSignaturePartIsBounded() throws Exception {
    String big =
        Base64.getMimeEncoder().encodeToString(new byte[SmimeParts.MAX_SIGNATURE_BYTES + 10]);
    assertThat(
            refusal(
                signedHeader("application/pkcs7-signature")
                    + "--s\nContent-Type: text/plain\n\nx\n--s\n"
                    + "Content-Type: application/pkcs7-signature\nContent-Transfer-Encoding: base64\n\n"
                    + big
                    + "\n--s--\n"))
        .isEqualTo("the S/MIME signature part is larger than 1 MiB");
  }

  @Test
  void aForgedAsn1LengthDoesNotMakeTheParserAllocateIt() throws Exception {
    // SEQUENCE claiming 2 GiB, then ContentInfo bits: refused, not an OutOfMemoryError
    byte[] der = {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x06, 0x09};
    String msg =
        "From: "
            + FROM
            + "\nContent-Type: application/pkcs7-mime; smime-type=signed-data\n"
            + "Content-Transfer-Encoding: base64\n\n"
            + Base64.getMimeEncoder().encodeToString(der)
            + "\n";
    assertThat(refusal(msg)).startsWith("the S/MIME signed message cannot be read");
  }

  @Test
  void aFailingConnectionInsideTheOpaqueContentIsNotASignatureProblem() throws Exception {
    byte[] msg = TestSigner.by(SIGNER).opaque(FROM, CONTENT);
    IOException dropped = new IOException("connection reset");
    InputStream failing =
        new FilterInputStream(new ByteArrayInputStream(msg)) {
          private int left = msg.length / 2;

          @Override
          public int read() throws IOException {
            if (left-- <= 0) {
              throw dropped;
            }
            return super.read();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
              throw dropped;
            }
            int n = super.read(b, off, Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
          }
        };
    assertThatThrownBy(() -> EXTRACTOR.extract(failing)).isSameAs(dropped);
  }
}
