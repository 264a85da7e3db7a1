/**
 * Entry lifecycle (SPEC §4) and zone publication: the single writer that turns store changes and
 * expiries into coalesced change sets, new serials and new snapshots.
 */
package org.rpzx.core.lifecycle;
