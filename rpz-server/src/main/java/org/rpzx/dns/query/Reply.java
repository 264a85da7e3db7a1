package org.rpzx.dns.query;

import org.rpzx.dns.wire.ResponseStream;

/** What to send back for one query. */
public sealed interface Reply {

  /** Send nothing (too short for a header, or a response rather than a query). */
  record Drop(String reason) implements Reply {}

  /** One unframed DNS message. */
  record Message(byte[] wire) implements Reply {}

  /** A multi-message transfer; TCP only, each message already framed. */
  record Stream(ResponseStream stream) implements Reply {}
}
