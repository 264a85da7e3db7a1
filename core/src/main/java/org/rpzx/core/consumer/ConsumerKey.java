package org.rpzx.core.consumer;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A consumer's TSIG key. {@link #toString()} never shows the secret.
 *
 * @param name key name, lower-case, without trailing dot (e.g. {@code uni-a-xfr})
 * @param algorithm HMAC algorithm
 * @param secret the shared secret
 */
public record ConsumerKey(String name, KeyAlgorithm algorithm, byte[] secret) {

  public ConsumerKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(algorithm, "algorithm");
    if (secret == null || secret.length == 0) {
      throw new IllegalArgumentException("TSIG secret must not be empty");
    }
    secret = secret.clone();
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  /** The secret as resolver configurations write it. */
  public String secretBase64() {
    return Base64.getEncoder().encodeToString(secret);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsumerKey k
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
    return "ConsumerKey[" + name + " " + algorithm.configName() + "]";
  }
}
