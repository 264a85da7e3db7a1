/**
 * The operator's name lists (SPEC §3): the allowlist (store entries plus an optional file), the
 * suppressions, and the Top-N list with its reload. {@link org.rpzx.core.lists.NameLists} is the
 * service; every change or reload swaps the rules of {@link
 * org.rpzx.core.submission.ValidationRules}, so the next submission sees it. Results are values:
 * {@link org.rpzx.core.directory.Mutation} for changes, {@link org.rpzx.core.lists.Reload} for
 * reloads (a failed reload keeps the list in force).
 */
package org.rpzx.core.lists;
