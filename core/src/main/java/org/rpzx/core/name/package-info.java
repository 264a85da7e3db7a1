/**
 * Names and their validation (SPEC §3): normalisation to lower-case A-labels, IDNA2008 via ICU4J,
 * the Public Suffix List, the Top-N list, the operator's allowlist and suppressions. Every verdict
 * is a {@link org.rpzx.core.name.LineOutcome} value.
 *
 * <ul>
 *   <li>{@link org.rpzx.core.name.EntryValidator}: one line in, one outcome out; the check order is
 *       documented there and in {@link org.rpzx.core.name.NameNormalizer}.
 *   <li>{@link org.rpzx.core.name.ValidationPolicy}, {@link org.rpzx.core.name.SuppressionCheck}:
 *       what the validator depends on.
 *   <li>{@link org.rpzx.core.name.NameList}, {@link org.rpzx.core.name.TrancoList}: the Top-N list
 *       and the allowlist with their matching rule; a Tranco top 10 000 is bundled.
 *   <li>{@link org.rpzx.core.name.TextLines}: a whole {@code domains.txt} as numbered lines.
 *   <li>{@link org.rpzx.core.name.OwnerNames}, {@link org.rpzx.core.name.PublicSuffixes}: helpers
 *       the zone side can reuse.
 * </ul>
 *
 * <p>All classes here are immutable and thread-safe.
 */
package org.rpzx.core.name;
