/**
 * The embedded store (SQLite, WAL, {@code synchronous=FULL}): the source of truth from which the
 * zone and the journal are rebuilt on start. One writer at a time; every logical change is one
 * transaction.
 */
package org.rpzx.core.store;
