/**
 * The zone model: immutable snapshots, change sets, RFC 1982 serials and the IXFR journal. Serving
 * threads read snapshots; one writer publishes new ones.
 *
 * <ul>
 *   <li>{@link org.rpzx.core.zone.LabelTrie}: the set of active names as a label-reversed trie in
 *       primitive arrays (about 13 heap bytes per name at a million names), with lookups, RFC 4592
 *       classification and an allocation-free canonical walk ({@link
 *       org.rpzx.core.zone.NameCursor}).
 *   <li>{@link org.rpzx.core.zone.TrieSnapshot}: a {@link org.rpzx.core.zone.ZoneSnapshot} (serial,
 *       settings, an immutable base trie and a small sorted overlay of added and removed names);
 *       {@code apply(ChangeSet)} rebuilds only the overlay, {@code compacted()} folds it into a new
 *       base in O(N) (in the background, from {@link org.rpzx.core.zone.PublishedZone}).
 *   <li>{@link org.rpzx.core.zone.NameKeys}: the start-up build from the store: names as packed
 *       canonical keys, sorted by a primitive radix sort, never a {@code String} per name.
 *   <li>{@link org.rpzx.core.zone.ChangeJournal}: bounded, immutable IXFR journal with condensing.
 *   <li>{@link org.rpzx.core.zone.PublishedZone}: the {@link org.rpzx.core.zone.ZoneView} that
 *       swaps (snapshot, journal) atomically on each publish and tells {@link
 *       org.rpzx.core.zone.ZoneListener}s.
 *   <li>{@link org.rpzx.core.zone.NameListCodec}: compact bytes for stored name lists.
 *   <li>{@link org.rpzx.core.zone.CanonicalNameOrder}: RFC 4034 §6.1 order of textual names; {@link
 *       org.rpzx.core.zone.CanonicalList}: a list known to be in that order, so that no later step
 *       sorts or checks it again; {@code SortedLookup}: many look-ups in that order.
 * </ul>
 *
 * <p>Names are relative to the origin: lower-case ASCII, no trailing dot, {@code ""} for the apex.
 */
package org.rpzx.core.zone;
