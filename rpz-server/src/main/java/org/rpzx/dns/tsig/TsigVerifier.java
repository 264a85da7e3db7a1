package org.rpzx.dns.tsig;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/**
 * Verifies the TSIG of incoming requests against the {@link TsigKeyring} (RFC 8945 §5.2): unknown
 * key or algorithm → BADKEY, wrong MAC → BADSIG, time outside the fudge (the request's, at most
 * {@link #MAX_FUDGE}) → BADTIME. No replay cache (docs/reliability.md, "Security checks").
 * Thread-safe.
 */
public final class TsigVerifier {

  /**
   * The widest time window accepted, whatever fudge the request names (RFC 8945 §10 recommends 300
   * s). dnsjava checks against the request's own fudge, so a signer's fudge of 65535 s would let a
   * captured request be replayed for 18 hours.
   */
  public static final Duration MAX_FUDGE = Duration.ofSeconds(300);

  private final TsigKeyring keyring;
  private final Clock clock;

  public TsigVerifier(TsigKeyring keyring, Clock clock) {
    this.keyring = keyring;
    this.clock = clock;
  }

  /**
   * @param request the parsed request
   * @param wire the request exactly as received (the MAC covers these bytes)
   */
  public TsigCheck check(Message request, byte[] wire) {
    TSIGRecord tsig = request.getTSIG();
    if (tsig == null) {
      return TsigCheck.UNSIGNED;
    }
    Optional<TsigKey> key = keyring.find(tsig.getName());
    Optional<TsigAlgorithm> algorithm = TsigAlgorithm.fromDnsName(tsig.getAlgorithm());
    if (key.isEmpty() || algorithm.isEmpty() || key.get().algorithm() != algorithm.get()) {
      return new TsigCheck.Failed(Rcode.BADKEY, tsig, null);
    }
    if (!headerCountsTsigLast(request, wire)) {
      // TC set: dnsjava parsed up to the TSIG and reset ARCOUNT, then checks the MAC against that
      // header, not the one received; the MAC does not cover the message as it arrived
      return new TsigCheck.Failed(Rcode.BADSIG, tsig, null);
    }
    TSIG t = key.get().toTsig(clock);
    int result = t.verify(request, wire, null);
    if (result == Rcode.NOERROR && outsideServerWindow(tsig)) {
      return new TsigCheck.Failed(Rcode.BADTIME, tsig, t);
    }
    if (result == Rcode.NOERROR) {
      return new TsigCheck.Verified(t, key.get().name(), algorithm.get(), tsig);
    }
    if (result == Rcode.BADTIME) {
      return new TsigCheck.Failed(Rcode.BADTIME, tsig, t);
    }
    return new TsigCheck.Failed(result == Rcode.BADKEY ? Rcode.BADKEY : Rcode.BADSIG, tsig, null);
  }

  private static boolean headerCountsTsigLast(Message request, byte[] wire) {
    int arcount = wire.length < 12 ? -1 : (wire[10] & 0xff) << 8 | (wire[11] & 0xff);
    return arcount == request.getSection(Section.ADDITIONAL).size();
  }

  private boolean outsideServerWindow(TSIGRecord tsig) {
    return Duration.between(clock.instant(), tsig.getTimeSigned()).abs().compareTo(MAX_FUDGE) > 0;
  }
}
