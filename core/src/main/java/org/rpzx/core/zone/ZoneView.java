package org.rpzx.core.zone;

/**
 * What the DNS side may see of the zone: the current snapshot and the journal. Read-only; all
 * methods are safe to call from any thread without locking.
 */
public interface ZoneView {

  /** The latest published snapshot. */
  ZoneSnapshot current();

  /** The way from {@code clientSerial} to the current serial, per the journal. */
  JournalQuery changesSince(long clientSerial);
}
