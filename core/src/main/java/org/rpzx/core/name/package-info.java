/**
 * Names and their validation (SPEC §3): normalisation to lower-case A-labels, IDNA2008 via ICU4J,
 * the Public Suffix List, the Top-N list, the operator's allowlist and suppressions. Every verdict
 * is a {@link org.rpzx.core.name.LineOutcome} value.
 */
package org.rpzx.core.name;
