package org.rpzx.core.submission;

/** The answer to "may this address submit?": a value, never an exception. */
public sealed interface SenderCheck {

  /** The address is an authorized sender of an active institution. */
  record Authorized(SenderIdentity identity) implements SenderCheck {}

  /** Refused; {@code reason} is safe to put in an SMTP reply to that sender. */
  record Unauthorized(String reason) implements SenderCheck {}
}
