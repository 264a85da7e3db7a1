package org.rpzx.dns.notify;

import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/** A NOTIFY waiting for its answer; touched only on the sender's event loop. */
final class PendingNotify {

  final InetSocketAddress target;
  final String consumer;
  final long serial;
  final int id;
  final byte[] wire;

  /** The key it was signed with, or null. */
  final TSIG key;

  /** Its TSIG record: the answer's MAC is computed over it. */
  final TSIGRecord requestTsig;

  final long startNanos;
  int attempts;
  ScheduledFuture<?> retry;

  PendingNotify(
      InetSocketAddress target,
      String consumer,
      long serial,
      int id,
      byte[] wire,
      TSIG key,
      TSIGRecord requestTsig,
      long startNanos) {
    this.target = target;
    this.consumer = consumer;
    this.serial = serial;
    this.id = id;
    this.wire = wire;
    this.key = key;
    this.requestTsig = requestTsig;
    this.startNanos = startNanos;
  }
}
