package org.rpzx.core.zone;

/**
 * Told about every snapshot {@link PublishedZone} publishes, on the publishing thread, after the
 * snapshot is visible to readers. Must return quickly (hand slow work such as NOTIFY to its own
 * executor); an exception is logged and does not undo the publication.
 */
@FunctionalInterface
public interface ZoneListener {

  /** {@code snapshot} is now current; {@code changes} is the effective change that led to it. */
  void published(ZoneSnapshot snapshot, ChangeSet changes);
}
