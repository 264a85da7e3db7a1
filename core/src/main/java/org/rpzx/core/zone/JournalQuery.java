package org.rpzx.core.zone;

import java.util.List;

/** What the journal knows about the way from a client's serial to the current one. */
public sealed interface JournalQuery {

  /** The client's serial is the current one, or newer: send the SOA alone. */
  record UpToDate(long currentSerial) implements JournalQuery {}

  /** The change sets from the client's serial to the current one, in order, contiguous. */
  record Changes(List<ChangeSet> changeSets) implements JournalQuery {
    public Changes {
      changeSets = List.copyOf(changeSets);
    }
  }

  /** The journal does not reach back to the client's serial: send the full zone. */
  record TooOld(long oldestKnownSerial) implements JournalQuery {}
}
