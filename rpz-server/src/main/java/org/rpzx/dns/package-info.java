/**
 * The authoritative DNS primary for the RPZ: {@link org.rpzx.dns.DnsServer} serves a {@link
 * org.rpzx.core.zone.ZoneView} over UDP and TCP (SOA, NS, names, AXFR, IXFR).
 */
package org.rpzx.dns;
