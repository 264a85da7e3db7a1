package org.rpzx.core.lists;

/**
 * What the published zone holds of a name that was just allowlisted or suppressed: a list change
 * never removes names from the zone (they leave when they expire or are removed as entries).
 *
 * @param inZone the name itself is in the zone
 * @param matchingNames names in the zone the new list entry matches (the name itself, names below
 *     it and, for the allowlist, its ancestors down to the registrable domain)
 */
public record ZonePresence(boolean inZone, long matchingNames) {}
