package org.rpzx.core.report;

import java.time.Instant;

/**
 * The operator as the source of an entry ({@code rpzx entries add}): who added it, why, first and
 * latest time. Such an entry expires like a submitted one; it has no institution.
 */
public record OperatorEntry(
    String name, String addedBy, String reason, Instant firstAdded, Instant lastAdded) {}
