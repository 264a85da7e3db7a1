package org.rpzx.dns.tsig;

import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

/**
 * A shared TSIG secret. {@link #toString()} never shows the secret.
 *
 * @param name key name, absolute (compared case-insensitively)
 * @param algorithm HMAC algorithm
 * @param secret the shared secret (at least one octet; RFC 8945 §6 recommends the hash length)
 */
public record TsigKey(Name name, TsigAlgorithm algorithm, byte[] secret) {

  public TsigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(algorithm, "algorithm");
    if (!name.isAbsolute()) {
      throw new IllegalArgumentException("TSIG key name must be absolute: " + name);
    }
    if (secret == null || secret.length == 0) {
      throw new IllegalArgumentException("TSIG secret must not be empty");
    }
    secret = secret.clone();
  }

  /**
   * A key from its textual parts as in a BIND {@code key} clause.
   *
   * @param name key name, e.g. {@code xfr.example} (made absolute)
   * @param algorithm e.g. {@code hmac-sha256}
   * @param base64Secret the secret in base64
   * @throws IllegalArgumentException with a reason when a part is invalid
   */
  public static TsigKey of(String name, String algorithm, String base64Secret) {
    Name n;
    try {
      n = Name.fromString(name, Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("bad TSIG key name: " + name, e);
    }
    byte[] secret;
    try {
      secret = Base64.getDecoder().decode(base64Secret.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TSIG secret is not base64", e);
    }
    return new TsigKey(n, TsigAlgorithm.parse(algorithm), secret);
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  /** A dnsjava signer/verifier for this key that takes the time from {@code clock}. */
  public TSIG toTsig(Clock clock) {
    return new TSIG(
        algorithm.dnsName(),
        name,
        new javax.crypto.spec.SecretKeySpec(secret, TSIG.nameToAlgorithm(algorithm.dnsName())),
        clock);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TsigKey k
        && k.name.equals(name)
        && k.algorithm == algorithm
        && Arrays.equals(k.secret, secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, algorithm, Arrays.hashCode(secret));
  }

  @Override
  public String toString() {
    return "TsigKey[" + name + " " + algorithm.configName() + "]";
  }
}
