package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.smtp.smime.TestPki;

/** Loading TLS key material: what works and the clear errors for what does not. */
class SmtpTlsTest {

  @TempDir Path dir;

  private final TestPki.Issued server =
      TestPki.endEntity("mx.community.example").dns("mx.community.example").issue(null);

  @Test
  void loadsPemChainAndKeyFromSeparateFilesOrOne() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    server.writePem(cert, key);
    SmtpTls tls = SmtpTls.fromPem(cert, key);
    assertThat(tls.certificate()).isEqualTo(server.cert());
    assertThat(tls.chain()).containsExactly(server.cert());

    Path both = dir.resolve("both.pem");
    Files.writeString(both, Files.readString(key) + Files.readString(cert));
    assertThat(SmtpTls.fromPem(both, both).certificate()).isEqualTo(server.cert());
  }

  @Test
  void loadsPkcs12() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry(
        "smtp", server.keys().getPrivate(), "pw".toCharArray(), new Certificate[] {server.cert()});
    Path p12 = dir.resolve("smtp.p12");
    try (var out = Files.newOutputStream(p12)) {
      ks.store(out, "pw".toCharArray());
    }
    assertThat(SmtpTls.fromPkcs12(p12, "pw".toCharArray()).certificate()).isEqualTo(server.cert());
    assertThatThrownBy(() -> SmtpTls.fromPkcs12(p12, "wrong".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wrong password");
    Path notP12 = dir.resolve("cert.pem");
    Files.writeString(notP12, TestPki.pem(server.cert()));
    assertThatThrownBy(() -> SmtpTls.fromPkcs12(notP12, "pw".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a PKCS#12 file");
    assertThatThrownBy(() -> SmtpTls.fromPkcs12(dir.resolve("missing.p12"), "pw".toCharArray()))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aKeyOfAnotherCertificateIsRefused() throws Exception {
    TestPki.Issued other = TestPki.endEntity("other").issue(null);
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Files.writeString(cert, TestPki.pem(server.cert()));
    Files.writeString(key, TestPki.pkcs8Pem(other.keys().getPrivate()));
    assertThatThrownBy(() -> SmtpTls.fromPem(cert, key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong to the certificate");
    TestPki.Issued rsa = TestPki.endEntity("rsa").rsa().issue(null);
    Files.writeString(key, TestPki.pkcs8Pem(rsa.keys().getPrivate()));
    assertThatThrownBy(() -> SmtpTls.fromPem(cert, key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong to the certificate");
  }

  @Test
  void missingPiecesAndEncryptedKeysHaveClearErrors() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    server.writePem(cert, key);
    assertThatThrownBy(() -> SmtpTls.fromPem(key, key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds no PEM CERTIFICATE");
    assertThatThrownBy(() -> SmtpTls.fromPem(cert, cert))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds no PEM private key");
    assertThatThrownBy(() -> SmtpTls.fromPem(dir.resolve("nope.pem"), key))
        .isInstanceOf(IOException.class);

    OutputEncryptor enc =
        new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
            .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
            .setPassword("secret".toCharArray())
            .build();
    Path encrypted = dir.resolve("encrypted.pem");
    try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(encrypted))) {
      w.writeObject(new JcaPKCS8Generator(server.keys().getPrivate(), enc));
    }
    assertThatThrownBy(() -> SmtpTls.fromPem(cert, encrypted))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encrypted private key");

    Path garbage = dir.resolve("garbage.pem");
    Files.writeString(
        garbage, "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> SmtpTls.fromPem(garbage, key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid PEM file");
  }
}
