package org.rpzx.smtp.smime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.smtp.mime.AttachmentExtractor;
import org.rpzx.smtp.mime.ExtractedMessage;
import org.rpzx.smtp.mime.Extraction;
import org.rpzx.smtp.mime.MimeLimits;
import org.rpzx.smtp.mime.SmimeForm;

/** The checks of {@link SmimeVerifier}, one reason each, on messages signed by Bouncy Castle. */
class SmimeVerifierTest {

  static final String FROM = "noc@member.example";
  static final String CONTENT = TestSigner.content("bad.example\r\nworse.example");

  static final TestPki.Issued CA = TestPki.ca("Community Test CA");
  static final TestPki.Issued SIGNER = TestPki.endEntity("NOC").email(FROM).issue(CA);

  private static final AttachmentExtractor EXTRACTOR =
      new AttachmentExtractor(MimeLimits.forMessageLimit(1 << 20));

  private final Instant now = Instant.now();
  private SmimeVerifier verifier = at(now);

  private SmimeVerifier at(Instant instant) {
    return new SmimeVerifier(List.of(CA.cert()), Clock.fixed(instant, ZoneOffset.UTC));
  }

  static ExtractedMessage extract(byte[] message) throws IOException {
    Extraction e = EXTRACTOR.extract(new ByteArrayInputStream(message));
    assertThat(e).isInstanceOf(Extraction.Extracted.class);
    return ((Extraction.Extracted) e).message();
  }

  private SignatureVerdict verify(byte[] message) throws IOException {
    ExtractedMessage m = extract(message);
    assertThat(m.signed()).isTrue();
    return verifier.verify(m.signature(), m.from());
  }

  private String reason(byte[] message) throws IOException {
    SignatureVerdict v = verify(message);
    assertThat(v).isInstanceOf(SignatureVerdict.Invalid.class);
    return ((SignatureVerdict.Invalid) v).reason();
  }

  @Test
  void aDetachedSignatureByTheFromAddressIsValid() throws Exception {
    byte[] msg = TestSigner.by(SIGNER).detached(FROM, CONTENT);
    ExtractedMessage m = extract(msg);
    assertThat(m.smime()).isEqualTo(SmimeForm.MULTIPART_SIGNED);
    assertThat(m.files())
        .containsExactly(new DomainsFile("domains.txt", "bad.example\r\nworse.example"));
    SignatureVerdict v = verifier.verify(m.signature(), m.from());
    assertThat(v).isEqualTo(new SignatureVerdict.Valid(FROM, SIGNER.cert()));
  }

  @Test
  void anOpaqueSignatureIsValidAndItsContentIsWalked() throws Exception {
    byte[] msg = TestSigner.by(SIGNER).opaque(FROM, CONTENT);
    ExtractedMessage m = extract(msg);
    assertThat(m.smime()).isEqualTo(SmimeForm.PKCS7_MIME);
    assertThat(m.messageId()).isEqualTo("<signed@member.example>");
    assertThat(m.files())
        .containsExactly(new DomainsFile("domains.txt", "bad.example\r\nworse.example"));
    assertThat(verifier.verify(m.signature(), m.from())).isInstanceOf(SignatureVerdict.Valid.class);
  }

  @Test
  void theAddressComparesCaseInsensitively() throws Exception {
    byte[] msg = TestSigner.by(SIGNER).detached("NOC@Member.Example", CONTENT);
    assertThat(verify(msg)).isInstanceOf(SignatureVerdict.Valid.class);
  }

  @Test
  void theSubjectEmailAddressCountsWhenThereIsNoAltName() throws Exception {
    TestPki.Issued legacy = TestPki.endEntity("NOC").subjectEmail(FROM).issue(CA);
    assertThat(verify(TestSigner.by(legacy).detached(FROM, CONTENT)))
        .isInstanceOf(SignatureVerdict.Valid.class);
  }

  @Test
  void anotherAddressIsRefusedNamingBoth() throws Exception {
    TestPki.Issued other =
        TestPki.endEntity("X").email("a@member.example").subjectEmail("b@member.example").issue(CA);
    assertThat(reason(TestSigner.by(other).detached(FROM, CONTENT)))
        .isEqualTo(
            "the signer's certificate is for a@member.example, b@member.example,"
                + " not for the From address noc@member.example");
    TestPki.Issued nobody = TestPki.endEntity("X").issue(CA);
    assertThat(reason(TestSigner.by(nobody).detached(FROM, CONTENT)))
        .isEqualTo("the signer's certificate names no e-mail address");
  }

  @Test
  void extendedKeyUsageMustAllowEmailWhenPresent() throws Exception {
    TestPki.Issued none = TestPki.endEntity("NOC").email(FROM).eku().issue(CA);
    assertThat(verify(TestSigner.by(none).detached(FROM, CONTENT)))
        .isInstanceOf(SignatureVerdict.Valid.class);
    TestPki.Issued any =
        TestPki.endEntity("NOC").email(FROM).eku(KeyPurposeId.anyExtendedKeyUsage).issue(CA);
    assertThat(verify(TestSigner.by(any).detached(FROM, CONTENT)))
        .isInstanceOf(SignatureVerdict.Valid.class);
    TestPki.Issued client =
        TestPki.endEntity("NOC")
            .email(FROM)
            .eku(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_codeSigning)
            .issue(CA);
    assertThat(reason(TestSigner.by(client).detached(FROM, CONTENT)))
        .isEqualTo(
            "the signer's certificate is not for e-mail protection"
                + " (extended key usage: clientAuth, codeSigning)");
  }

  @Test
  void keyUsageMustAllowSignaturesWhenPresent() throws Exception {
    TestPki.Issued encipherOnly =
        TestPki.endEntity("NOC").email(FROM).keyUsage(KeyUsage.keyEncipherment).issue(CA);
    assertThat(reason(TestSigner.by(encipherOnly).detached(FROM, CONTENT)))
        .isEqualTo("the signer's certificate does not allow digital signatures (key usage)");
    TestPki.Issued nonRepudiation =
        TestPki.endEntity("NOC").email(FROM).keyUsage(KeyUsage.nonRepudiation).issue(CA);
    assertThat(verify(TestSigner.by(nonRepudiation).detached(FROM, CONTENT)))
        .isInstanceOf(SignatureVerdict.Valid.class);
    TestPki.Issued noKeyUsage = TestPki.endEntity("NOC").email(FROM).keyUsage(null).issue(CA);
    assertThat(verify(TestSigner.by(noKeyUsage).detached(FROM, CONTENT)))
        .isInstanceOf(SignatureVerdict.Valid.class);
  }

  @Test
  void validityIsCheckedAtVerificationTime() throws Exception {
    byte[] msg = TestSigner.by(SIGNER).detached(FROM, CONTENT);
    verifier = at(now.plus(Duration.ofDays(60)));
    assertThat(reason(msg)).startsWith("the signer's certificate expired on 20");
    verifier = at(now.minus(Duration.ofDays(10)));
    assertThat(reason(msg)).startsWith("the signer's certificate is not valid before 20");
  }

  @Test
  void aCertificateExpiredWhenSigningIsRefused() throws Exception {
    TestPki.Issued expired =
        TestPki.endEntity("NOC")
            .email(FROM)
            .valid(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(30)))
            .issue(CA);
    assertThat(reason(TestSigner.by(expired).detached(FROM, CONTENT)))
        .isEqualTo("the signer's certificate was not valid at the signing time");
  }

  @Test
  void theChainMustReachAnAnchor() throws Exception {
    TestPki.Issued rogue = TestPki.ca("Rogue CA");
    TestPki.Issued untrusted = TestPki.endEntity("NOC").email(FROM).issue(rogue);
    assertThat(reason(TestSigner.by(untrusted).detached(FROM, CONTENT)))
        .startsWith(
            "the signer's certificate, issued by CN=Rogue CA, does not chain to a trusted CA");
    // the rogue CA carried in the signature does not make it trusted
    assertThat(reason(TestSigner.by(untrusted).carrying(rogue.cert()).detached(FROM, CONTENT)))
        .contains("does not chain to a trusted CA");
  }

  @Test
  void intermediatesCarriedInTheSignatureAreUsed() throws Exception {
    TestPki.Issued intermediate = TestPki.endEntity("Member CA").asCa().issue(CA);
    TestPki.Issued leaf = TestPki.endEntity("NOC").email(FROM).issue(intermediate);
    assertThat(verify(TestSigner.by(leaf).carrying(intermediate.cert()).detached(FROM, CONTENT)))
        .isInstanceOf(SignatureVerdict.Valid.class);
    assertThat(reason(TestSigner.by(leaf).detached(FROM, CONTENT)))
        .contains("does not chain to a trusted CA");
  }

  @Test
  void aSelfSignedCertificateTrustedAsItselfIsValid() throws Exception {
    TestPki.Issued pinned = TestPki.endEntity("NOC").email(FROM).issue(null);
    verifier =
        new SmimeVerifier(List.of(CA.cert(), pinned.cert()), Clock.fixed(now, ZoneOffset.UTC));
    assertThat(verify(TestSigner.by(pinned).detached(FROM, CONTENT)))
        .isInstanceOf(SignatureVerdict.Valid.class);
  }

  @Test
  void weakDigestsAreRefused() throws Exception {
    assertThat(reason(TestSigner.by(SIGNER).digest("SHA1").detached(FROM, CONTENT)))
        .isEqualTo(
            "the signature uses the digest SHA1, which is not accepted; sign with SHA-256 or stronger");
    assertThat(verify(TestSigner.by(SIGNER).digest("SHA512").opaque(FROM, CONTENT)))
        .isInstanceOf(SignatureVerdict.Valid.class);
    assertThat(verify(TestSigner.by(SIGNER).digest("SHA384").detached(FROM, CONTENT)))
        .isInstanceOf(SignatureVerdict.Valid.class);
  }

  @Test
  void aSignatureWithoutTheSignersCertificateIsRefused() throws Exception {
    assertThat(reason(TestSigner.by(SIGNER).withoutSignerCertificates().detached(FROM, CONTENT)))
        .isEqualTo("the signer's certificate is not included in the signature");
  }

  @Test
  void changedContentIsRefused() throws Exception {
    String signed =
        new String(TestSigner.by(SIGNER).detached(FROM, CONTENT), StandardCharsets.ISO_8859_1);
    byte[] changed =
        signed.replace("worse.example", "wurse.example").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(reason(changed))
        .isEqualTo("the signed content was changed after signing (digest mismatch)");
    // one more CRLF at the end of the signed part is a change too
    byte[] longer =
        signed
            .replace("--in--\r\n\r\n--sig", "--in--\r\n\r\n\r\n--sig")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(reason(longer)).contains("digest mismatch");
  }

  @Test
  void everySignerMustBeValid() throws Exception {
    TestPki.Issued second = TestPki.endEntity("NOC 2").email(FROM).rsa().issue(CA);
    assertThat(verify(TestSigner.by(SIGNER).and(second).detached(FROM, CONTENT)))
        .isInstanceOf(SignatureVerdict.Valid.class);
    TestPki.Issued other = TestPki.endEntity("Other").email("other@member.example").issue(CA);
    assertThat(reason(TestSigner.by(SIGNER).and(other).detached(FROM, CONTENT)))
        .contains("not for the From address");
  }

  @Test
  void aSignatureCarryingTooManyCertificatesIsRefused() throws Exception {
    java.security.cert.X509Certificate[] many =
        new java.security.cert.X509Certificate[SmimeVerifier.MAX_CARRIED_CERTIFICATES];
    for (int i = 0; i < many.length; i++) {
      many[i] = TestPki.endEntity("Filler " + i).issue(CA).cert();
    }
    assertThat(reason(TestSigner.by(SIGNER).carrying(many).detached(FROM, CONTENT)))
        .isEqualTo("the signature carries 17 certificates; at most 16 are accepted");
  }

  @Test
  void needsAnAnchor() {
    assertThatThrownBy(() -> new SmimeVerifier(List.of(), Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
