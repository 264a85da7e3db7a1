package org.rpzx.dns.tsig;

import java.util.Arrays;
import org.rpzx.dns.wire.MessageSigner;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/**
 * Signs hand-encoded response messages over their raw bytes with dnsjava's {@link TSIG#generate}:
 * the first with the request's MAC and all TSIG variables, each later one with the previous
 * message's MAC and the timers only (RFC 8945 §5.3.1). Every message is signed.
 */
final class TsigMessageSigner implements MessageSigner {

  /**
   * RR header (type, class, TTL, RDLENGTH) plus fixed RDATA fields (time 6, fudge 2, MAC size 2,
   * original id 2, error 2, other length 2).
   */
  private static final int FIXED = 10 + 16;

  private final TSIG key;
  private final int reserve;
  private TSIGRecord previous;
  private boolean first = true;
  private Message idHolder;

  TsigMessageSigner(TsigCheck.Verified verified) {
    this.key = verified.key();
    this.previous = verified.request();
    this.reserve =
        verified.keyName().length()
            + verified.algorithm().dnsName().length()
            + FIXED
            + verified.algorithm().macLength();
  }

  @Override
  public int reserve() {
    return reserve;
  }

  @Override
  public int sign(byte[] buf, int offset, int length) {
    byte[] message = Arrays.copyOfRange(buf, offset, offset + length);
    if (idHolder == null) {
      idHolder = new Message(((message[0] & 0xff) << 8) | (message[1] & 0xff));
    }
    TSIGRecord tsig = key.generate(idHolder, message, Rcode.NOERROR, previous, first);
    byte[] rr = tsig.toWire(Section.ADDITIONAL);
    if (rr.length > reserve) {
      throw new IllegalStateException("TSIG record larger than reserved: " + rr.length);
    }
    System.arraycopy(rr, 0, buf, offset + length, rr.length);
    int arcount = ((buf[offset + 10] & 0xff) << 8 | (buf[offset + 11] & 0xff)) + 1;
    buf[offset + 10] = (byte) (arcount >>> 8);
    buf[offset + 11] = (byte) arcount;
    previous = tsig;
    first = false;
    return length + rr.length;
  }
}
