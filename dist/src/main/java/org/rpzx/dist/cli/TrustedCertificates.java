package org.rpzx.dist.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client TLS context that trusts exactly the certificates of a PEM file ({@code --cacert}): a
 * private CA, or a server's self-signed certificate. Host names are still verified by the HTTP
 * client against the certificate's subject alternative names.
 */
final class TrustedCertificates {

  private TrustedCertificates() {}

  static SSLContext context(Path pem) {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(pem)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read --cacert " + pem + ": " + e);
    } catch (GeneralSecurityException e) {
      throw new CliException(
          ExitCodes.USAGE, "--cacert " + pem + " is not a PEM certificate: " + e.getMessage());
    }
    if (certificates.isEmpty()) {
      throw new CliException(ExitCodes.USAGE, "--cacert " + pem + " holds no certificate");
    }
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate c : certificates) {
        trust.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new CliException(ExitCodes.ERROR, "cannot use --cacert " + pem + ": " + e.getMessage());
    }
  }
}
