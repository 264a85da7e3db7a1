package org.rpzx.core.report;

import org.rpzx.core.lists.Suppression;

/**
 * The operator took {@code name} out of the zone; {@code suppression} is the one in force
 * afterwards (the new one, or an earlier one that lasts longer).
 */
public record Delisted(String name, Suppression suppression) {}
