package org.rpzx.smtp;

/**
 * Hears what the SMTP receiver decides, for metrics. Plain Java, so that smtp-ingest stays free of
 * any metrics library; {@code dist} implements it. Called on session threads: implementations must
 * be quick and must not throw.
 */
public interface SmtpEventListener {

  /** Hears nothing. */
  SmtpEventListener NONE = new SmtpEventListener() {};

  /** A connection was admitted (its greeting follows). */
  default void sessionOpened() {}

  /** An admitted session ended and gave its connection slots back. */
  default void sessionClosed() {}

  /**
   * A reply that carries a decision of the receiver: the refusal of a connection (too many from its
   * source), the refusal of {@code MAIL} or {@code RCPT}, and every reply to the end of DATA. The
   * protocol's routine replies (greeting, {@code EHLO}, {@code 250} to {@code MAIL}/{@code RCPT})
   * are not reported.
   */
  default void reply(int code) {}
}
