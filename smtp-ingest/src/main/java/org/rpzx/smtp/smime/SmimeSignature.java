package org.rpzx.smtp.smime;

import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.util.Store;

/**
 * The signature of an S/MIME message as read from it, not yet checked: the certificates it carries
 * and its signers, each already holding the digest of the content the walk read.
 */
public record SmimeSignature(
    Store<X509CertificateHolder> certificates, SignerInformationStore signers) {

  public SmimeSignature {
    Objects.requireNonNull(certificates);
    Objects.requireNonNull(signers);
  }

  /**
   * A detached signature ({@code multipart/signed}): the DER of {@code application/pkcs7-signature}
   * and the digests of the first part's exact bytes, by algorithm.
   *
   * @throws CMSException when {@code signature} is not a CMS SignedData
   */
  public static SmimeSignature detached(
      Map<ASN1ObjectIdentifier, byte[]> contentDigests, byte[] signature) throws CMSException {
    try {
      CMSSignedData signed = new CMSSignedData(contentDigests, signature);
      return new SmimeSignature(signed.getCertificates(), signed.getSignerInfos());
    } catch (RuntimeException e) {
      throw new CMSException("malformed signature: " + e.getMessage(), e);
    }
  }
}
