package org.rpzx.dns.notify;

/**
 * Receives one {@link NotifyResult} per target and serial (for metrics and the operator's view).
 * Called on the sender's I/O thread: must be quick and must not throw.
 */
@FunctionalInterface
public interface NotifyListener {

  NotifyListener NONE = result -> {};

  void notifyResult(NotifyResult result);
}
