package org.rpzx.dns.tsig;

import java.time.Clock;
import java.util.Arrays;
import org.rpzx.dns.wire.MessageSigner;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Header;
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
   * Renders {@code response} (not yet rendered) for the outcome of the request's TSIG check within
   * {@code limit} octets: signed with the request's key when verified; for a failure, rcode NOTAUTH
   * and a TSIG record with the error, signed only for BADTIME (RFC 8945 §5.2, §5.3.2).
   */
  public static byte[] render(Message response, TsigCheck check, Clock clock, int limit) {
    if (check instanceof TsigCheck.Verified v) {
      response.setTSIG(v.key(), Rcode.NOERROR, v.request());
      return response.toWire(limit - Math.max(0, v.algorithm().macLength() - DNSJAVA_RESERVED_MAC));
    }
    if (!(check instanceof TsigCheck.Failed f)) {
      return response.toWire(limit);
    }
    response.getHeader().setRcode(Rcode.NOTAUTH);
    TSIGRecord request = f.request();
    if (f.error() == Rcode.BADTIME && f.key() != null) {
      // signed, with the server's time in other data (dnsjava adds it for BADTIME)
      response.setTSIG(f.key(), Rcode.BADTIME, request);
      return response.toWire(limit - 64);
    }
    byte[] tsig =
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
                null)
            .toWire(Section.ADDITIONAL);
    if (tsig.length + Header.LENGTH > limit) {
      return response.toWire(limit); // long key and algorithm names: NOTAUTH without the record
    }
    // Appended by hand: dnsjava writes an OPT record after every record added to the additional
    // section, and the TSIG record must be the last one (RFC 8945 §5.1; found by fuzzing).
    byte[] message = response.toWire(limit - tsig.length);
    byte[] out = Arrays.copyOf(message, message.length + tsig.length);
    System.arraycopy(tsig, 0, out, message.length, tsig.length);
    int additional = ((out[10] & 0xff) << 8 | (out[11] & 0xff)) + 1;
    out[10] = (byte) (additional >>> 8);
    out[11] = (byte) additional;
    return out;
  }

  /** A signer for a hand-encoded response to a verified request; NONE for other requests. */
  public static MessageSigner signer(TsigCheck check) {
    if (check instanceof TsigCheck.Verified v) {
      return new TsigMessageSigner(v);
    }
    return MessageSigner.NONE;
  }
}
