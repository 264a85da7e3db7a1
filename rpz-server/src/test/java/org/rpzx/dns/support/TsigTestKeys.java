package org.rpzx.dns.support;

import java.time.Clock;
import java.util.Base64;
import java.util.Random;
import org.rpzx.dns.tsig.TsigAlgorithm;
import org.rpzx.dns.tsig.TsigKey;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/** Deterministic TSIG keys for tests, and dnsjava client-side signing. */
public final class TsigTestKeys {

  private TsigTestKeys() {}

  /** A key named {@code name} with a secret of the hash's length derived from {@code seed}. */
  public static TsigKey key(String name, TsigAlgorithm algorithm, long seed) {
    byte[] secret = new byte[algorithm.macLength()];
    new Random(seed).nextBytes(secret);
    return new TsigKey(Name.fromConstantString(name), algorithm, secret);
  }

  public static String base64(TsigKey key) {
    return Base64.getEncoder().encodeToString(key.secret());
  }

  /** The key as a dnsjava client would hold it. */
  public static TSIG client(TsigKey key) {
    return key.toTsig(Clock.systemUTC());
  }

  public static TSIG client(TsigKey key, Clock clock) {
    return key.toTsig(clock);
  }

  /** Signs {@code query} (adds its TSIG record) and returns its wire form. */
  public static byte[] sign(Message query, TSIG tsig) {
    tsig.apply(query, null);
    return query.toWire();
  }
}
