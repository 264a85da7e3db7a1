package org.rpzx.dns.access;

import java.util.List;

/**
 * The configured consumers (implemented outside this module, from the store). Called on I/O threads
 * for transfers and SOA checks, and by the NOTIFY sender: must be thread-safe and quick (return a
 * cached list) and must not throw.
 */
@FunctionalInterface
public interface ConsumerDirectory {

  ConsumerDirectory NONE = List::of;

  /** Every active consumer. */
  List<ConsumerInfo> consumers();

  static ConsumerDirectory of(List<ConsumerInfo> consumers) {
    List<ConsumerInfo> copy = List.copyOf(consumers);
    return () -> copy;
  }
}
