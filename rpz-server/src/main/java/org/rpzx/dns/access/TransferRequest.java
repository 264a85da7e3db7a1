package org.rpzx.dns.access;

import java.net.InetAddress;

/**
 * A zone transfer asked for: who asks and how. {@code tsigKeyName} is the key name of a TSIG record
 * on the query, or null (TSIG verification comes with a later issue).
 *
 * @param client source address of the query
 * @param qtype 252 (AXFR) or 251 (IXFR)
 * @param tcp whether the query came over TCP
 * @param tsigKeyName key name of the query's TSIG record, or null when unsigned
 */
public record TransferRequest(InetAddress client, int qtype, boolean tcp, String tsigKeyName) {}
