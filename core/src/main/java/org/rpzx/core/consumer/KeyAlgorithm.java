package org.rpzx.core.consumer;

import java.util.Locale;
import java.util.Optional;

/**
 * The TSIG algorithms rpzx signs with (RFC 8945 §6), by the names BIND and Knot use. A generated
 * secret is as long as the hash output, as RFC 8945 §6 recommends.
 */
public enum KeyAlgorithm {
  HMAC_SHA1("hmac-sha1", 20),
  HMAC_SHA256("hmac-sha256", 32),
  HMAC_SHA384("hmac-sha384", 48),
  HMAC_SHA512("hmac-sha512", 64);

  private final String configName;
  private final int secretBytes;

  KeyAlgorithm(String configName, int secretBytes) {
    this.configName = configName;
    this.secretBytes = secretBytes;
  }

  /** The name in resolver configurations, e.g. {@code hmac-sha256}. */
  public String configName() {
    return configName;
  }

  /** Length of a generated secret: the hash output length. */
  public int secretBytes() {
    return secretBytes;
  }

  /** {@code hmac-sha256} (any case, trailing dot allowed); empty for anything else. */
  public static Optional<KeyAlgorithm> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    String n = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    for (KeyAlgorithm a : values()) {
      if (a.configName.equals(n)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
