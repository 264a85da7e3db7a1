/**
 * Community governance (SPEC §8): whether an institution participates in the zone, the quality of
 * its submissions, the plausibility guard that holds implausible submissions for the operator, and
 * suspension with an optional purge of the institution's entries. Rules are values ({@link
 * org.rpzx.core.governance.Participation}, {@link org.rpzx.core.governance.PlausibilityVerdict});
 * settings are plain values, never configuration files.
 */
package org.rpzx.core.governance;
