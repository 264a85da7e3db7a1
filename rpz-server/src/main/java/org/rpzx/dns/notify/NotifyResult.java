package org.rpzx.dns.notify;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How NOTIFY of one serial to one target ended.
 *
 * @param target where it was sent
 * @param consumer the consumer the target belongs to
 * @param serial the serial announced
 * @param attempts how many times it was sent
 * @param outcome how it ended
 * @param elapsed from the first send to the end
 * @param detail a short reason for the log (rcode of a rejection, a missing key, ...)
 */
public record NotifyResult(
    InetSocketAddress target,
    String consumer,
    long serial,
    int attempts,
    Outcome outcome,
    Duration elapsed,
    String detail) {

  /** How it ended. */
  public enum Outcome {
    /** A matching NOERROR answer arrived (its TSIG verified when the NOTIFY was signed). */
    ACKNOWLEDGED,
    /** A matching answer with an error rcode (REFUSED, NOTAUTH, NOTIMP ...): not retried. */
    REJECTED,
    /** No answer after the last attempt. */
    GAVE_UP,
    /** A newer serial replaced it before it was answered. */
    SUPERSEDED,
    /** Never sent: the consumer's TSIG key is not in the keyring, or the send failed at once. */
    NOT_SENT
  }

  public boolean succeeded() {
    return outcome == Outcome.ACKNOWLEDGED;
  }
}
