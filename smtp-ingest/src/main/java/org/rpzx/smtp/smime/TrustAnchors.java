package org.rpzx.smtp.smime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;

/**
 * Loads the CA certificates that S/MIME signer certificates must chain to, from a PEM bundle (the
 * concatenated {@code -----BEGIN CERTIFICATE-----} blocks an operator gets from the community's CA
 * or exports from its own; text between the blocks is ignored). Every certificate in the bundle is
 * trusted as an anchor, intermediates included.
 */
public final class TrustAnchors {
  private TrustAnchors() {}

  /**
   * Reads every certificate of a PEM bundle.
   *
   * @throws IOException when the file cannot be read (missing, no permission)
   * @throws IllegalArgumentException when it holds no certificate, something that is not a
   *     certificate (a private key, say: a trust bundle is public), or broken PEM
   */
  public static List<X509Certificate> load(Path pemBundle) throws IOException {
    List<X509Certificate> anchors = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (Reader r = Files.newBufferedReader(pemBundle, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(r)) {
      Object o;
      while ((o = readNext(parser, pemBundle)) != null) {
        if (!(o instanceof X509CertificateHolder holder)) {
          throw new IllegalArgumentException(
              "S/MIME trust anchors "
                  + pemBundle
                  + ": entry "
                  + (anchors.size() + 1)
                  + " is "
                  + o.getClass().getSimpleName()
                  + ", not a CERTIFICATE; the bundle must hold CA certificates only");
        }
        try {
          anchors.add(converter.getCertificate(holder));
        } catch (CertificateException e) {
          throw new IllegalArgumentException(
              "S/MIME trust anchors " + pemBundle + ": unusable certificate " + holder.getSubject(),
              e);
        }
      }
    }
    if (anchors.isEmpty()) {
      throw new IllegalArgumentException(
          "S/MIME trust anchors " + pemBundle + " holds no PEM CERTIFICATE");
    }
    return List.copyOf(anchors);
  }

  private static Object readNext(PEMParser parser, Path file) throws IOException {
    try {
      return parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "S/MIME trust anchors " + file + " is not valid PEM: " + e.getMessage(), e);
    }
  }
}
