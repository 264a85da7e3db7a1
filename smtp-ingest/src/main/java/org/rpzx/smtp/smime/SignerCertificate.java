package org.rpzx.smtp.smime;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** What RFC 8550 asks of a signer's certificate beyond its chain: usage and e-mail addresses. */
final class SignerCertificate {
  private SignerCertificate() {}

  static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
  static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int NON_REPUDIATION = 1;

  /**
   * Why the certificate may not sign mail, or null when it may: an extended key usage, if present,
   * must include e-mail protection or any usage (RFC 8550 §4.4.4); a key usage, if present, must
   * allow digital signatures or non-repudiation (§4.4.2).
   */
  static String usageProblem(X509Certificate cert) {
    List<String> eku;
    try {
      eku = cert.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      return "the signer's certificate has a malformed extended key usage";
    }
    if (eku != null && !eku.contains(EMAIL_PROTECTION) && !eku.contains(ANY_EXTENDED_KEY_USAGE)) {
      return "the signer's certificate is not for e-mail protection (extended key usage: "
          + String.join(", ", eku.stream().map(SignerCertificate::usageName).toList())
          + ")";
    }
    boolean[] ku = cert.getKeyUsage();
    if (ku != null
        && !(ku.length > DIGITAL_SIGNATURE && ku[DIGITAL_SIGNATURE])
        && !(ku.length > NON_REPUDIATION && ku[NON_REPUDIATION])) {
      return "the signer's certificate does not allow digital signatures (key usage)";
    }
    return null;
  }

  private static String usageName(String oid) {
    return switch (oid) {
      case "1.3.6.1.5.5.7.3.1" -> "serverAuth";
      case "1.3.6.1.5.5.7.3.2" -> "clientAuth";
      case "1.3.6.1.5.5.7.3.3" -> "codeSigning";
      case "1.3.6.1.5.5.7.3.8" -> "timeStamping";
      case "1.3.6.1.5.5.7.3.9" -> "OCSPSigning";
      default -> oid;
    };
  }

  /**
   * The e-mail addresses the certificate is for: subject alternative names of type rfc822Name, then
   * the subject's emailAddress attributes (RFC 8550 §3), lower-cased.
   */
  static List<String> addresses(X509Certificate cert) {
    List<String> out = new ArrayList<>();
    try {
      Collection<List<?>> names = cert.getSubjectAlternativeNames();
      if (names != null) {
        for (List<?> n : names) {
          if (n.size() >= 2
              && Integer.valueOf(1).equals(n.get(0))
              && n.get(1) instanceof String s) {
            out.add(s.strip().toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // a broken SAN extension names no one
    }
    try {
      X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
      for (RDN rdn : subject.getRDNs(BCStyle.EmailAddress)) {
        ASN1Encodable value = rdn.getFirst().getValue();
        String text = value instanceof ASN1String a ? a.getString() : value.toString();
        out.add(text.strip().toLowerCase(Locale.ROOT));
      }
    } catch (RuntimeException e) {
      // an unparsable subject names no one
    }
    return out;
  }
}
