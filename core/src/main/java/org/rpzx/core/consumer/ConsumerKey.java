package org.rpzx.core.consumer;

import java.util.Base64;
import java.util.Objects;

/**
 * A consumer's TSIG key. The secret is held as base64 text, as resolver configurations write it
 * (and so the record's equality is by value). {@link #toString()} never shows the secret.
 *
 * @param name key name, lower-case, without trailing dot (e.g. {@code uni-a-xfr})
 * @param algorithm HMAC algorithm
 * @param secretBase64 the shared secret in base64
 */
public record ConsumerKey(String name, KeyAlgorithm algorithm, String secretBase64) {

  public ConsumerKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(algorithm, "algorithm");
    if (secretBase64 == null || Base64.getDecoder().decode(secretBase64).length == 0) {
      throw new IllegalArgumentException("TSIG secret must not be empty");
    }
  }

  /** A key from the raw secret. */
  public static ConsumerKey of(String name, KeyAlgorithm algorithm, byte[] secret) {
    return new ConsumerKey(name, algorithm, Base64.getEncoder().encodeToString(secret));
  }

  /** The raw secret (a fresh copy). */
  public byte[] secret() {
    return Base64.getDecoder().decode(secretBase64);
  }

  @Override
  public String toString() {
    return "ConsumerKey[" + name + " " + algorithm.configName() + "]";
  }
}
