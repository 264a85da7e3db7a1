package org.rpzx.smtp.mime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.rpzx.smtp.smime.AcceptedDigests;

/**
 * Digests the bytes that pass through, with every accepted algorithm at once: the signed part of a
 * {@code multipart/signed} comes before its signature, so which algorithm the signer used is only
 * known afterwards, and the part is never held in memory to digest it again.
 */
final class ContentDigests extends FilterInputStream {
  private final Map<ASN1ObjectIdentifier, MessageDigest> digests = new LinkedHashMap<>();

  ContentDigests(InputStream in) {
    super(in);
    for (ASN1ObjectIdentifier oid : AcceptedDigests.oids()) {
      try {
        digests.put(oid, MessageDigest.getInstance(AcceptedDigests.jcaName(oid)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK lacks " + AcceptedDigests.jcaName(oid), e);
      }
    }
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      for (MessageDigest d : digests.values()) {
        d.update((byte) c);
      }
    }
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      for (MessageDigest d : digests.values()) {
        d.update(b, off, n);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(Math.max(n, 1), 8192)];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** The digests of everything read so far, by algorithm. */
  Map<ASN1ObjectIdentifier, byte[]> results() {
    Map<ASN1ObjectIdentifier, byte[]> out = new LinkedHashMap<>();
    digests.forEach((oid, d) -> out.put(oid, d.digest()));
    return out;
  }
}
