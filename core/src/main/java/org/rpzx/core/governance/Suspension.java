package org.rpzx.core.governance;

import org.rpzx.core.directory.Institution;

/**
 * A suspension as made by {@link Suspensions#suspend}.
 *
 * @param institution the institution as it is now
 * @param purgedNames with a purge, how many names left the zone because only this institution
 *     supported them; null without a purge
 * @param serial with a purge that removed names, the zone serial that no longer has them (null
 *     otherwise, or while the publication is still pending)
 */
public record Suspension(Institution institution, Integer purgedNames, Long serial) {}
