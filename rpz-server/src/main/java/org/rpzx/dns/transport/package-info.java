/**
 * Netty handlers: UDP datagrams, and TCP per RFC 7766 (length framing, in-order pipelining,
 * transfers streamed with backpressure, idle timeout, connection limit).
 */
package org.rpzx.dns.transport;
