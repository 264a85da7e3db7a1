/**
 * Transport-independent query handling: parse with dnsjava, decide, and produce a {@link
 * org.rpzx.dns.query.Reply} (nothing, one message, or a stream of transfer messages).
 */
package org.rpzx.dns.query;
