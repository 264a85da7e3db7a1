/**
 * TSIG (RFC 8945): keys and the {@link org.rpzx.dns.tsig.TsigKeyring} they come from, verification
 * of signed requests, and signing of responses, including multi-message transfers signed over their
 * raw wire bytes.
 */
package org.rpzx.dns.tsig;
