package org.rpzx.smtp.smime;

import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The digest algorithms a signature may use: the SHA-2 family (RFC 8551 §2.1 requires SHA-256 and
 * SHA-512). SHA-1 and MD5 are refused: a signature is what authorizes a submission here, and their
 * collisions are practical. Only these are computed over a message, so a signature listing many
 * algorithms cannot multiply the work.
 */
public final class AcceptedDigests {
  private AcceptedDigests() {}

  private static final Map<ASN1ObjectIdentifier, String> JCA_NAMES =
      Map.of(
          NISTObjectIdentifiers.id_sha224, "SHA-224",
          NISTObjectIdentifiers.id_sha256, "SHA-256",
          NISTObjectIdentifiers.id_sha384, "SHA-384",
          NISTObjectIdentifiers.id_sha512, "SHA-512");

  public static Set<ASN1ObjectIdentifier> oids() {
    return JCA_NAMES.keySet();
  }

  public static boolean accepted(ASN1ObjectIdentifier oid) {
    return JCA_NAMES.containsKey(oid);
  }

  /** The JCA name ({@code SHA-256}) of an accepted algorithm. */
  public static String jcaName(ASN1ObjectIdentifier oid) {
    String name = JCA_NAMES.get(oid);
    if (name == null) {
      throw new IllegalArgumentException("not an accepted digest: " + oid);
    }
    return name;
  }

  /** A readable name for any digest OID, for messages ({@code SHA1}, or the dotted OID). */
  public static String describe(ASN1ObjectIdentifier oid) {
    return new DefaultAlgorithmNameFinder().getAlgorithmName(oid);
  }

  /** Digest calculators for the accepted algorithms only; others are refused. */
  static DigestCalculatorProvider provider() {
    DigestCalculatorProvider jca;
    try {
      jca = new JcaDigestCalculatorProviderBuilder().build();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("no JCA digests", e);
    }
    return new DigestCalculatorProvider() {
      @Override
      public DigestCalculator get(AlgorithmIdentifier id) throws OperatorCreationException {
        if (!accepted(id.getAlgorithm())) {
          throw new OperatorCreationException("digest not accepted: " + id.getAlgorithm());
        }
        return jca.get(id);
      }
    };
  }
}
