package org.rpzx.core.zone;

/**
 * A reduced change set with the snapshot it makes of {@code basis}, built ahead of publication (on
 * any thread: both are immutable) so that {@link PublishedZone#publish(PreparedChange)} only swaps
 * it in. If another snapshot became current meanwhile, the publication starts over from {@code
 * effective}.
 *
 * @param effective {@code basis.effectiveChanges(…)}
 * @param basis the snapshot it was reduced against
 * @param next {@code basis} with {@code effective} applied
 */
public record PreparedChange(ChangeSet effective, TrieSnapshot basis, TrieSnapshot next) {

  /** Builds the next snapshot; costs about as much as the change is large. */
  public static PreparedChange of(TrieSnapshot basis, ChangeSet effective) {
    return new PreparedChange(effective, basis, basis.applyEffective(effective));
  }
}
