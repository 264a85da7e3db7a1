package org.rpzx.dns.tsig;

import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/** What the TSIG on a request says about it: a value, never an exception. */
public sealed interface TsigCheck {

  /** The request carries no TSIG record. */
  record Unsigned() implements TsigCheck {}

  /**
   * The request's MAC and time are valid for a known key: the response is signed with it.
   *
   * @param key the key (dnsjava form, bound to the server clock)
   * @param keyName the key's name
   * @param algorithm its algorithm
   * @param request the request's TSIG record (its MAC starts the response's digest)
   */
  record Verified(TSIG key, Name keyName, TsigAlgorithm algorithm, TSIGRecord request)
      implements TsigCheck {}

  /**
   * Verification failed: answer NOTAUTH with {@code error} (BADKEY, BADSIG or BADTIME) in the TSIG
   * record (RFC 8945 §5.2).
   *
   * @param error the TSIG error code
   * @param request the request's TSIG record
   * @param key the key, only for BADTIME (whose answer is signed); null otherwise
   */
  record Failed(int error, TSIGRecord request, TSIG key) implements TsigCheck {}

  TsigCheck UNSIGNED = new Unsigned();
}
