/**
 * Hand-written DNS wire encoding for the transfer hot path: {@link
 * org.rpzx.dns.wire.ZoneMessageWriter} packs SOA, NS and the {@code CNAME .} pairs of many names
 * into one message with name compression, without building record objects.
 */
package org.rpzx.dns.wire;
