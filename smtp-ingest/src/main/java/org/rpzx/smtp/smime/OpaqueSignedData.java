package org.rpzx.smtp.smime;

import java.io.IOException;
import java.io.InputStream;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSTypedStream;

/**
 * An opaque signed message ({@code application/pkcs7-mime; smime-type=signed-data}) read while
 * streaming with Bouncy Castle's {@link CMSSignedDataParser}: {@link #content()} is the
 * encapsulated MIME entity, digested as it is read; {@link #finish()} then gives the signature.
 */
public final class OpaqueSignedData {

  private final CMSSignedDataParser parser;
  private final CMSTypedStream content;

  private OpaqueSignedData(CMSSignedDataParser parser, CMSTypedStream content) {
    this.parser = parser;
    this.content = content;
  }

  /**
   * Starts reading the DER/BER of a CMS ContentInfo. No ASN.1 length beyond {@code maxBytes} is
   * believed, so a forged length cannot make the parser allocate more than the message could hold.
   *
   * @throws CMSException when it is not a SignedData with encapsulated data
   * @throws IOException when {@code der} itself fails
   */
  public static OpaqueSignedData open(InputStream der, int maxBytes)
      throws CMSException, IOException {
    CMSSignedDataParser parser;
    try {
      // Bouncy Castle takes its length limit from an ASN1InputStream it is handed
      parser =
          new CMSSignedDataParser(AcceptedDigests.provider(), new ASN1InputStream(der, maxBytes));
    } catch (RuntimeException e) {
      throw new CMSException("not a CMS structure: " + e.getMessage(), e);
    }
    CMSTypedStream content = parser.getSignedContent();
    if (content == null) {
      throw new CMSException("the signed-data holds no content (a detached signature)");
    }
    if (!CMSObjectIdentifiers.data.equals(content.getContentType())) {
      throw new CMSException("the signed content is " + content.getContentType() + ", not data");
    }
    return new OpaqueSignedData(parser, content);
  }

  /** The encapsulated content: read it to its end before {@link #finish()}. */
  public InputStream content() {
    return content.getContentStream();
  }

  /**
   * Reads what is left of the content, then the certificates and signers.
   *
   * @throws CMSException when the rest of the structure is malformed
   * @throws IOException when the source fails
   */
  public SmimeSignature finish() throws CMSException, IOException {
    try {
      content.drain();
      return new SmimeSignature(parser.getCertificates(), parser.getSignerInfos());
    } catch (RuntimeException e) {
      throw new CMSException("malformed signed-data: " + e.getMessage(), e);
    }
  }
}
