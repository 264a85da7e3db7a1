package org.rpzx.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The server certificate and key for STARTTLS (RFC 3207), loaded once when the settings are made so
 * that a bad file is reported at start, not at the first client. TLS 1.2 and 1.3 only, with the
 * JDK's default cipher suites; no client certificates are asked for.
 *
 * <pre>{@code
 * SmtpTls tls = SmtpTls.fromPem(Path.of("fullchain.pem"), Path.of("privkey.pem"));
 * SmtpTls tls = SmtpTls.fromPkcs12(Path.of("smtp.p12"), "secret".toCharArray());
 * settings = settings.withTls(tls, false);
 * }</pre>
 */
public final class SmtpTls {

  /** The protocol versions offered: TLS 1.3 and 1.2, nothing older. */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private final SSLContext context;
  private final List<X509Certificate> chain;

  private SmtpTls(PrivateKey key, List<X509Certificate> chain) {
    this.chain = List.copyOf(chain);
    try {
      char[] transientPassword =
          "rpzx".toCharArray(); // protects nothing: the store stays in memory
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("smtp", key, transientPassword, chain.toArray(new Certificate[0]));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, transientPassword);
      context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot set up TLS with this key: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a PEM certificate chain (server certificate first, then intermediates) and a PEM private
   * key (PKCS#8, or PKCS#1/SEC 1 as OpenSSL writes them; not encrypted). Both may be the same file.
   *
   * @throws IOException when a file cannot be read
   * @throws IllegalArgumentException when the files do not hold what they should, the key is
   *     encrypted, or the key does not belong to the certificate
   */
  public static SmtpTls fromPem(Path certificateChain, Path privateKey) throws IOException {
    List<X509Certificate> chain = new ArrayList<>();
    PrivateKey key = null;
    for (Object o : readPem(certificateChain)) {
      if (o instanceof X509CertificateHolder h) {
        chain.add(convert(h, certificateChain));
      }
    }
    for (Object o : readPem(privateKey)) {
      PrivateKey k = toPrivateKey(o, privateKey);
      if (k != null) {
        if (key != null) {
          throw new IllegalArgumentException(privateKey + " holds more than one private key");
        }
        key = k;
      }
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(certificateChain + " holds no PEM CERTIFICATE");
    }
    if (key == null) {
      throw new IllegalArgumentException(privateKey + " holds no PEM private key");
    }
    requireMatch(key, chain.get(0).getPublicKey(), privateKey, certificateChain);
    return new SmtpTls(key, chain);
  }

  /**
   * Reads a PKCS#12 keystore holding one private key with its certificate chain.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when the password is wrong, the file is not PKCS#12 or holds
   *     no private key
   */
  public static SmtpTls fromPkcs12(Path keystore, char[] password) throws IOException {
    KeyStore store;
    try (InputStream in = Files.newInputStream(keystore)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
    } catch (GeneralSecurityException | IOException e) {
      if (!Files.isReadable(keystore)) {
        throw e instanceof IOException io ? io : new IOException(e);
      }
      throw new IllegalArgumentException(
          "cannot open PKCS#12 keystore " + keystore + ": wrong password or not a PKCS#12 file", e);
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)
            && store.getKey(alias, password) instanceof PrivateKey key
            && store.getCertificateChain(alias) != null) {
          List<X509Certificate> chain = new ArrayList<>();
          for (Certificate c : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
          }
          return new SmtpTls(key, chain);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read the private key in " + keystore + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(keystore + " holds no private key with a certificate");
  }

  /**
   * The server-side context with this certificate, for another listener that serves it (the HTTP
   * API); such a listener must restrict itself to {@link #PROTOCOLS} as STARTTLS does.
   */
  public SSLContext serverContext() {
    return context;
  }

  /** The server certificate (the first of the chain). */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The certificate chain as presented to clients, server certificate first. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** Layers server-side TLS over an accepted connection after {@code 220 Ready to start TLS}. */
  SSLSocket wrap(Socket plain) throws IOException {
    InetSocketAddress remote = (InetSocketAddress) plain.getRemoteSocketAddress();
    // getHostString: never a reverse DNS lookup for a client's address
    SSLSocket s =
        (SSLSocket)
            context
                .getSocketFactory()
                .createSocket(plain, remote.getHostString(), plain.getPort(), true);
    s.setUseClientMode(false);
    List<String> supported = Arrays.asList(s.getSupportedProtocols());
    s.setEnabledProtocols(PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
    return s;
  }

  private static List<Object> readPem(Path file) throws IOException {
    List<Object> objects = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(r)) {
      Object o;
      while ((o = parser.readObject()) != null) {
        objects.add(o);
      }
    } catch (IOException e) {
      if (!Files.isReadable(file)) {
        throw e;
      }
      throw new IllegalArgumentException(file + " is not a valid PEM file: " + e.getMessage(), e);
    }
    return objects;
  }

  private static PrivateKey toPrivateKey(Object pem, Path file) {
    try {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (pem instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (pem instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": unusable private key: " + e.getMessage(), e);
    }
    if (pem instanceof PEMEncryptedKeyPair || pem instanceof PKCS8EncryptedPrivateKeyInfo) {
      throw new IllegalArgumentException(
          file + " holds an encrypted private key; decrypt it (openssl pkey) or use PKCS#12");
    }
    return null;
  }

  private static X509Certificate convert(X509CertificateHolder h, Path file) {
    try {
      return new JcaX509CertificateConverter().getCertificate(h);
    } catch (CertificateException e) {
      throw new IllegalArgumentException(file + ": unusable certificate: " + e.getMessage(), e);
    }
  }

  /** Signs a probe with the key and checks it with the certificate's public key. */
  private static void requireMatch(PrivateKey key, PublicKey pub, Path keyFile, Path certFile) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          case "Ed448" -> "Ed448";
          default -> null;
        };
    if (algorithm == null) {
      return; // an unusual key type: the TLS handshake will tell
    }
    try {
      byte[] probe = "rpzx key check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] sig = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(pub);
      verifier.update(probe);
      if (verifier.verify(sig)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      // a key of another type than the certificate's: a mismatch too
    }
    throw new IllegalArgumentException(
        "the private key in " + keyFile + " does not belong to the certificate in " + certFile);
  }
}
