/**
 * Community governance of entries (SPEC §8): false-positive reports and the operator's overrides.
 * Anyone the operator lets report files a {@link org.rpzx.core.report.FalsePositiveReport} on a
 * listed name through {@link org.rpzx.core.report.ReportService}; the operator confirms it (the
 * name leaves the zone in one change set and is suppressed for the configured period) or dismisses
 * it. {@link org.rpzx.core.report.EntryOverrides} lets the operator delist or add a name directly.
 * Results are values: {@link org.rpzx.core.report.FileResult} for a filing, {@link
 * org.rpzx.core.directory.Mutation} for the operator's changes. A reporter's view never holds who
 * submitted the name (SPEC §7); {@link org.rpzx.core.report.ReportService#submitters} is for the
 * operator only.
 */
package org.rpzx.core.report;
