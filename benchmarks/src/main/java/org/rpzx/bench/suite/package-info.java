/**
 * Helper programs of the side-by-side suite ({@code bench/run}): a bulk loader of rpzx's store, raw
 * DNS clients (AXFR/IXFR with length-prefixed reads, SOA probes and samplers), an SMTP sender and a
 * NOTIFY listener. Each has a {@code main}; each prints {@code key=value} lines that the script
 * collects. None of this is on rpzx's runtime class path.
 */
package org.rpzx.bench.suite;
