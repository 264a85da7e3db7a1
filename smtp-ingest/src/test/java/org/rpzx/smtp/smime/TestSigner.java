package org.rpzx.smtp.smime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs test messages in-process with Bouncy Castle's CMS generator, for unit tests that need many
 * variants quickly (the ITs sign with openssl).
 */
public final class TestSigner {

  private final List<TestPki.Issued> signers = new ArrayList<>();
  private final List<X509Certificate> certificates = new ArrayList<>();
  private String digest = "SHA256";
  private boolean includeSignerCertificates = true;

  public static TestSigner by(TestPki.Issued signer) {
    TestSigner s = new TestSigner();
    s.signers.add(signer);
    return s;
  }

  public TestSigner and(TestPki.Issued another) {
    signers.add(another);
    return this;
  }

  /** Digest name as in {@code SHA256withRSA}: SHA256, SHA384, SHA1, ... */
  public TestSigner digest(String name) {
    digest = name;
    return this;
  }

  /** Extra certificates to carry (intermediates). */
  public TestSigner carrying(X509Certificate... certs) {
    certificates.addAll(List.of(certs));
    return this;
  }

  public TestSigner withoutSignerCertificates() {
    includeSignerCertificates = false;
    return this;
  }

  /** The DER of a CMS SignedData over {@code content}, detached or encapsulating it. */
  public byte[] cms(byte[] content, boolean encapsulate) {
    try {
      CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
      List<X509Certificate> carried = new ArrayList<>(certificates);
      for (TestPki.Issued s : signers) {
        String keyAlg = s.keys().getPrivate().getAlgorithm();
        String alg = digest + "with" + (keyAlg.equals("EC") ? "ECDSA" : keyAlg);
        gen.addSignerInfoGenerator(
            new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder(alg).build(s.keys().getPrivate()), s.cert()));
        if (includeSignerCertificates) {
          carried.add(s.cert());
        }
      }
      gen.addCertificates(new JcaCertStore(carried));
      return gen.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign", e);
    }
  }

  /**
   * A whole {@code multipart/signed} message from {@code from}; {@code content} (CRLF lines, a MIME
   * entity) is part 1 byte for byte.
   */
  public byte[] detached(String from, String content) {
    byte[] c = content.getBytes(StandardCharsets.ISO_8859_1);
    String sig = Base64.getMimeEncoder().encodeToString(cms(c, false));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ascii(
            headers(from)
                + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";"
                + " micalg=sha-256; boundary=\"sig\"\r\n\r\n"
                + "This is an S/MIME signed message\r\n--sig\r\n"));
    out.writeBytes(c);
    out.writeBytes(
        ascii(
            "\r\n--sig\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + sig
                + "\r\n--sig--\r\n"));
    return out.toByteArray();
  }

  /** A whole opaque {@code application/pkcs7-mime; smime-type=signed-data} message. */
  public byte[] opaque(String from, String content) {
    byte[] der = cms(content.getBytes(StandardCharsets.ISO_8859_1), true);
    return ascii(
        headers(from)
            + "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(der)
            + "\r\n");
  }

  private static String headers(String from) {
    return "From: "
        + from
        + "\r\nTo: rpz@community.example\r\nSubject: blocklist\r\n"
        + "Message-ID: <signed@member.example>\r\nMIME-Version: 1.0\r\n";
  }

  /** A small signed content: text and one domains.txt with {@code list}. */
  public static String content(String list) {
    return "Content-Type: multipart/mixed; boundary=\"in\"\r\n\r\n--in\r\n"
        + "Content-Type: text/plain\r\n\r\nignored\r\n--in\r\n"
        + "Content-Type: text/plain; name=domains.txt\r\n\r\n"
        + list
        + "\r\n--in--\r\n";
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
