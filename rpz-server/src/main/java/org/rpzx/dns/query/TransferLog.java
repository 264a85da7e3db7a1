package org.rpzx.dns.query;

/**
 * Receives {@link TransferEvent}s. Called on the I/O thread: implementations must be quick and must
 * not throw.
 */
@FunctionalInterface
public interface TransferLog {

  TransferLog NONE = event -> {};

  void record(TransferEvent event);
}
