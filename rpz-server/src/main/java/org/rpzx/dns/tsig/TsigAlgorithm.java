package org.rpzx.dns.tsig;

import java.util.Optional;
import org.rpzx.core.consumer.KeyAlgorithm;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/** The HMAC algorithms rpzx accepts (RFC 8945 §6): SHA-256/384/512, and SHA-1 for old peers. */
public enum TsigAlgorithm {
  HMAC_SHA1(TSIG.HMAC_SHA1, 20),
  HMAC_SHA256(TSIG.HMAC_SHA256, 32),
  HMAC_SHA384(TSIG.HMAC_SHA384, 48),
  HMAC_SHA512(TSIG.HMAC_SHA512, 64);

  private final Name dnsName;
  private final int macLength;

  TsigAlgorithm(Name dnsName, int macLength) {
    this.dnsName = dnsName;
    this.macLength = macLength;
  }

  /** The algorithm's name on the wire, e.g. {@code hmac-sha256.}. */
  public Name dnsName() {
    return dnsName;
  }

  /** Length of the full MAC in octets. */
  public int macLength() {
    return macLength;
  }

  /** The algorithm a TSIG record names; empty for one rpzx does not accept (e.g. HMAC-MD5). */
  public static Optional<TsigAlgorithm> fromDnsName(Name name) {
    for (TsigAlgorithm a : values()) {
      if (a.dnsName.equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses the names used in BIND and Knot configurations (core's {@link KeyAlgorithm} names, whose
   * constants match these): {@code hmac-sha256} (with or without the trailing dot, any case).
   *
   * @throws IllegalArgumentException for any other text
   */
  public static TsigAlgorithm parse(String text) {
    return KeyAlgorithm.parse(text)
        .map(k -> valueOf(k.name()))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unsupported TSIG algorithm: "
                        + text
                        + " (hmac-sha256, hmac-sha384, hmac-sha512, hmac-sha1)"));
  }

  /** The lower-case name without trailing dot, as BIND writes it: {@code hmac-sha256}. */
  public String configName() {
    String s = dnsName.toString();
    return s.substring(0, s.length() - 1);
  }
}
