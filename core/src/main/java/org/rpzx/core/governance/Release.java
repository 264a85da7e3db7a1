package org.rpzx.core.governance;

import org.rpzx.core.store.SubmissionStore.SubmissionRow;

/**
 * A held submission the operator released.
 *
 * @param submission the submission as it is now (applied)
 * @param applied names that entered the entries
 * @param dropped accepted names that the entry rules in force at release reject (e.g. suppressed or
 *     on the Top-N list since), left out
 * @param serial the zone serial that has the names; null when none were applied or the publication
 *     is still pending
 */
public record Release(SubmissionRow submission, int applied, int dropped, Long serial) {}
