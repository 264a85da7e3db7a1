/**
 * The authoritative DNS primary for the RPZ: {@link org.rpzx.dns.DnsServer} serves a {@link
 * org.rpzx.core.zone.ZoneView} over UDP and TCP (SOA, NS, names, AXFR, IXFR), with TSIG from a
 * {@link org.rpzx.dns.tsig.TsigKeyring}, transfer rules over a {@link
 * org.rpzx.dns.access.ConsumerDirectory} and UDP response rate limiting; {@link
 * org.rpzx.dns.notify.NotifySender} announces new serials to the consumers.
 */
package org.rpzx.dns;
