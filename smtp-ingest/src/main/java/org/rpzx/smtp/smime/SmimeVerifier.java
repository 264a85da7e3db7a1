package org.rpzx.smtp.smime;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Decides whether an S/MIME signature proves that the header {@code From} sent the message (RFC
 * 8551, RFC 8550). Every signer must pass, in this order (the first failure is the reason given):
 *
 * <ol>
 *   <li>an accepted digest algorithm ({@link AcceptedDigests});
 *   <li>its certificate is in the signature;
 *   <li>the signature value matches the content and signed attributes; when a signing-time
 *       attribute is present, the certificate was valid then (Bouncy Castle checks that);
 *   <li>the certificate is valid <em>now</em>, at verification time: a submission is received
 *       minutes after it was signed, and a signing time is what the signer claims, so an expired or
 *       stolen-then-expired key cannot back-date its way in;
 *   <li>key usage and extended key usage allow e-mail signatures ({@link SignerCertificate});
 *   <li>one of its e-mail addresses equals {@code From} (ASCII case-insensitive);
 *   <li>a PKIX path (RFC 5280, the JDK's {@link CertPathBuilder}, which runs the same validation as
 *       {@code CertPathValidator} while finding intermediates in the signature) leads to a
 *       configured trust anchor, checked at verification time. Revocation is not checked: rpzx
 *       reaches no OCSP responder or CRL distribution point, and the community's CA is expected to
 *       be run by people who can tell the operator to remove a sender.
 * </ol>
 *
 * <p>Thread-safe.
 */
public final class SmimeVerifier {

  /** More signers than this is not a mail client's work. */
  static final int MAX_SIGNERS = 4;

  /**
   * A signature carries its signer's certificate and a few intermediates; many certificates with
   * look-alike names would make the path search explode, so more than this is refused.
   */
  static final int MAX_CARRIED_CERTIFICATES = 16;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Set<TrustAnchor> anchors;
  private final Set<X509Certificate> anchorCertificates;
  private final Clock clock;

  public SmimeVerifier(List<X509Certificate> trustAnchors, Clock clock) {
    if (trustAnchors.isEmpty()) {
      throw new IllegalArgumentException("at least one S/MIME trust anchor is required");
    }
    this.anchorCertificates = Set.copyOf(trustAnchors);
    Set<TrustAnchor> a = new HashSet<>();
    for (X509Certificate c : trustAnchors) {
      a.add(new TrustAnchor(c, null));
    }
    this.anchors = Set.copyOf(a);
    this.clock = clock;
  }

  /** Checks {@code signature} against the header From address {@code from}. */
  public SignatureVerdict verify(SmimeSignature signature, String from) {
    Collection<SignerInformation> signers = signature.signers().getSigners();
    if (signers.isEmpty()) {
      return invalid("the signature has no signer");
    }
    if (signers.size() > MAX_SIGNERS) {
      return invalid("the signature has " + signers.size() + " signers; at most 4 are checked");
    }
    Instant now = clock.instant();
    List<X509Certificate> carried = carriedCertificates(signature);
    if (carried.size() > MAX_CARRIED_CERTIFICATES) {
      return invalid(
          "the signature carries "
              + carried.size()
              + " certificates; at most "
              + MAX_CARRIED_CERTIFICATES
              + " are accepted");
    }
    SignatureVerdict verdict = null;
    for (SignerInformation signer : signers) {
      verdict = verifySigner(signer, signature, carried, from, now);
      if (verdict instanceof SignatureVerdict.Invalid) {
        return verdict;
      }
    }
    return verdict;
  }

  private SignatureVerdict verifySigner(
      SignerInformation signer,
      SmimeSignature signature,
      List<X509Certificate> carried,
      String from,
      Instant now) {
    ASN1ObjectIdentifier digest = signer.getDigestAlgorithmID().getAlgorithm();
    if (!AcceptedDigests.accepted(digest)) {
      return invalid(
          "the signature uses the digest "
              + AcceptedDigests.describe(digest)
              + ", which is not accepted; sign with SHA-256 or stronger");
    }
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> matches =
        signature.certificates().getMatches(signer.getSID());
    if (matches.isEmpty()) {
      return invalid("the signer's certificate is not included in the signature");
    }
    X509CertificateHolder holder = matches.iterator().next();
    X509Certificate cert;
    try {
      cert = new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException | RuntimeException e) {
      return invalid("the signer's certificate cannot be read");
    }
    String problem = signatureProblem(signer, holder);
    if (problem == null) {
      problem = validityProblem(cert, now);
    }
    if (problem == null) {
      problem = SignerCertificate.usageProblem(cert);
    }
    if (problem == null) {
      problem = addressProblem(cert, from);
    }
    if (problem == null) {
      problem = chainProblem(cert, carried, now);
    }
    return problem == null ? new SignatureVerdict.Valid(from, cert) : invalid(problem);
  }

  private static String signatureProblem(SignerInformation signer, X509CertificateHolder holder) {
    try {
      boolean ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
      return ok ? null : "the signature does not match the message (was it changed in transit?)";
    } catch (CMSSignerDigestMismatchException e) {
      return "the signed content was changed after signing (digest mismatch)";
    } catch (CMSVerifierCertificateNotValidException e) {
      return "the signer's certificate was not valid at the signing time";
    } catch (CMSException | OperatorCreationException | CertificateException e) {
      return "the signature cannot be verified: " + e.getMessage();
    } catch (RuntimeException e) {
      return "the signature cannot be verified: malformed signer information";
    }
  }

  private static String validityProblem(X509Certificate cert, Instant now) {
    try {
      cert.checkValidity(Date.from(now));
      return null;
    } catch (CertificateExpiredException e) {
      return "the signer's certificate expired on " + DAY.format(cert.getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      return "the signer's certificate is not valid before "
          + DAY.format(cert.getNotBefore().toInstant());
    }
  }

  private static String addressProblem(X509Certificate cert, String from) {
    List<String> addresses = SignerCertificate.addresses(cert);
    if (addresses.contains(from.toLowerCase(Locale.ROOT))) {
      return null;
    }
    if (addresses.isEmpty()) {
      return "the signer's certificate names no e-mail address";
    }
    List<String> shown = addresses.size() > 3 ? addresses.subList(0, 3) : addresses;
    return "the signer's certificate is for "
        + String.join(", ", shown)
        + (addresses.size() > 3 ? ", ..." : "")
        + ", not for the From address "
        + from;
  }

  private String chainProblem(X509Certificate cert, List<X509Certificate> carried, Instant now) {
    if (anchorCertificates.contains(cert)) {
      return null; // the operator trusts this very certificate
    }
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(cert);
      PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
      params.setRevocationEnabled(false);
      params.setDate(Date.from(now));
      params.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
      CertPathBuilder.getInstance("PKIX").build(params);
      return null;
    } catch (CertPathBuilderException e) {
      return "the signer's certificate, issued by "
          + cert.getIssuerX500Principal().getName()
          + ", does not chain to a trusted CA: "
          + e.getMessage();
    } catch (InvalidAlgorithmParameterException e) {
      throw new IllegalStateException("PKIX parameters rejected", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no PKIX implementation", e);
    }
  }

  private static List<X509Certificate> carriedCertificates(SmimeSignature signature) {
    List<X509Certificate> out = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> all = signature.certificates().getMatches(null);
    for (X509CertificateHolder h : all) {
      try {
        out.add(converter.getCertificate(h));
      } catch (CertificateException | RuntimeException e) {
        // an unreadable extra certificate cannot help a path: skip it
      }
    }
    return out;
  }

  private static SignatureVerdict invalid(String reason) {
    return new SignatureVerdict.Invalid(reason);
  }
}
