/**
 * The zone model: immutable snapshots (a label-reversed trie), change sets, RFC 1982 serials and
 * the IXFR journal. Serving threads read snapshots; one writer publishes new ones.
 */
package org.rpzx.core.zone;
