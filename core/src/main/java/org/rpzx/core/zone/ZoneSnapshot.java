package org.rpzx.core.zone;

/**
 * The zone at one serial: immutable and safe to share between any number of serving threads. A
 * writer publishes a new snapshot; readers keep whichever one they started with, so every transfer
 * sees one consistent zone while changes keep arriving.
 */
public interface ZoneSnapshot {

  /** The serial of this snapshot. */
  long serial();

  /** Origin, SOA and NS parameters. */
  ZoneSettings settings();

  /** Number of active names (each yields two owner names in the zone). */
  int nameCount();

  /** Whether {@code name} (relative, lower-case A-labels, no trailing dot) is an active name. */
  boolean contains(String name);

  /**
   * Classifies a query name given relative to the origin ({@code ""} for the apex), lower-case,
   * without trailing dot.
   */
  NameMatch match(String relativeName);

  /** A fresh cursor over the active names in canonical DNS order. */
  NameCursor cursor();

  /** Approximate retained heap size of this snapshot in bytes (arrays and headers). */
  long retainedBytes();
}
