package org.rpzx.smtp.smime;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates made with Bouncy Castle's {@link X509v3CertificateBuilder}: a CA and end-entity
 * certificates with chosen addresses, usages and validity, written as PEM for openssl to sign with.
 */
public final class TestPki {
  private TestPki() {}

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /** A certificate with its key pair. */
  public record Issued(X509Certificate cert, KeyPair keys) {
    /** Writes the certificate and the (unencrypted PKCS#8) key as PEM files. */
    public void writePem(Path certFile, Path keyFile) {
      try {
        Files.writeString(certFile, pem(cert));
        Files.writeString(keyFile, pkcs8Pem(keys.getPrivate()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static KeyPair ecKeys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair rsaKeys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Issued ca(String commonName) {
    return new Spec(commonName).ca().issue(null);
  }

  public static Spec endEntity(String commonName) {
    return new Spec(commonName);
  }

  /** What goes into a certificate. */
  public static final class Spec {
    private final String commonName;
    private String subjectEmail;
    private final List<GeneralName> altNames = new ArrayList<>();
    private KeyPurposeId[] eku = {KeyPurposeId.id_kp_emailProtection};
    private Integer keyUsage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
    private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
    private Instant notAfter = Instant.now().plus(Duration.ofDays(30));
    private boolean ca;
    private boolean rsa;

    Spec(String commonName) {
      this.commonName = commonName;
    }

    public Spec email(String address) {
      altNames.add(new GeneralName(GeneralName.rfc822Name, address));
      return this;
    }

    public Spec subjectEmail(String address) {
      subjectEmail = address;
      return this;
    }

    public Spec dns(String name) {
      altNames.add(new GeneralName(GeneralName.dNSName, name));
      return this;
    }

    public Spec ip(String address) {
      altNames.add(new GeneralName(GeneralName.iPAddress, address));
      return this;
    }

    /** The extended key usages; none at all leaves the extension out. */
    public Spec eku(KeyPurposeId... usages) {
      eku = usages;
      return this;
    }

    /** The key usage bits; null leaves the extension out. */
    public Spec keyUsage(Integer bits) {
      keyUsage = bits;
      return this;
    }

    public Spec valid(Instant from, Instant to) {
      notBefore = from;
      notAfter = to;
      return this;
    }

    public Spec rsa() {
      rsa = true;
      return this;
    }

    /** An intermediate CA, to be issued by another CA. */
    public Spec asCa() {
      return ca();
    }

    Spec ca() {
      ca = true;
      eku = new KeyPurposeId[0];
      keyUsage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
      notBefore = Instant.now().minus(Duration.ofDays(400));
      notAfter = Instant.now().plus(Duration.ofDays(400));
      return this;
    }

    /** Issues the certificate, signed by {@code issuer} (null: self-signed). */
    public Issued issue(Issued issuer) {
      try {
        KeyPair keys = rsa ? rsaKeys() : ecKeys();
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        name.addRDN(BCStyle.CN, commonName);
        if (subjectEmail != null) {
          name.addRDN(BCStyle.EmailAddress, subjectEmail);
        }
        X509v3CertificateBuilder b =
            new JcaX509v3CertificateBuilder(
                issuer == null
                    ? name.build()
                    : org.bouncycastle.asn1.x500.X500Name.getInstance(
                        issuer.cert().getSubjectX500Principal().getEncoded()),
                BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(notBefore),
                Date.from(notAfter),
                name.build(),
                keys.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(
            Extension.subjectKeyIdentifier,
            false,
            ext.createSubjectKeyIdentifier(keys.getPublic()));
        if (issuer != null) {
          b.addExtension(
              Extension.authorityKeyIdentifier,
              false,
              ext.createAuthorityKeyIdentifier(issuer.cert()));
        }
        if (keyUsage != null) {
          b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        }
        if (eku.length > 0) {
          b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(eku));
        }
        if (!altNames.isEmpty()) {
          b.addExtension(
              Extension.subjectAlternativeName,
              false,
              new GeneralNames(altNames.toArray(new GeneralName[0])));
        }
        KeyPair signer = issuer == null ? keys : issuer.keys();
        String alg =
            signer.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        X509Certificate cert =
            new JcaX509CertificateConverter()
                .getCertificate(
                    b.build(new JcaContentSignerBuilder(alg).build(signer.getPrivate())));
        return new Issued(cert, keys);
      } catch (Exception e) {
        throw new IllegalStateException("cannot issue a test certificate", e);
      }
    }
  }

  /** A private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}). */
  public static String pkcs8Pem(java.security.PrivateKey key) {
    try {
      return pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
    } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String pem(Object o) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
