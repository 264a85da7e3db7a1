package org.rpzx.dns.tsig;

import java.time.Clock;
import org.rpzx.dns.wire.MessageSigner;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIGRecord;

/** Signing of responses built as dnsjava {@link Message}s and of hand-encoded ones. */
public final class TsigResponses {

  /** A MAC longer than the 16 octets dnsjava reserves when it truncates to a size limit. */
  private static final int DNSJAVA_RESERVED_MAC = 16;

  private TsigResponses() {}

  /**
   * Prepares {@code response} (not yet rendered) for the outcome of the request's TSIG check:
   * signed with the request's key when verified; for a failure, rcode NOTAUTH and a TSIG record
   * with the error, signed only for BADTIME (RFC 8945 §5.2, §5.3.2).
   *
   * @return bytes to take off a size limit before {@link Message#toWire(int)}, for long MACs
   */
  public static int apply(Message response, TsigCheck check, Clock clock) {
    if (check instanceof TsigCheck.Verified v) {
      response.setTSIG(v.key(), Rcode.NOERROR, v.request());
      return Math.max(0, v.algorithm().macLength() - DNSJAVA_RESERVED_MAC);
    }
    if (check instanceof TsigCheck.Failed f) {
      response.getHeader().setRcode(Rcode.NOTAUTH);
      TSIGRecord request = f.request();
      if (f.error() == Rcode.BADTIME && f.key() != null) {
        // signed, with the server's time in other data (dnsjava adds it for BADTIME)
        response.setTSIG(f.key(), Rcode.BADTIME, request);
        return 64;
      }
      response.addRecord(
          new TSIGRecord(
              request.getName(),
              DClass.ANY,
              0,
              request.getAlgorithm(),
              clock.instant(),
              request.getFudge(),
              new byte[0],
              response.getHeader().getID(),
              f.error(),
              null),
          Section.ADDITIONAL);
    }
    return 0;
  }

  /** A signer for a hand-encoded response to a verified request; NONE for other requests. */
  public static MessageSigner signer(TsigCheck check) {
    if (check instanceof TsigCheck.Verified v) {
      return new TsigMessageSigner(v);
    }
    return MessageSigner.NONE;
  }
}
