/**
 * NOTIFY (RFC 1996) to the consumers' resolvers on every new serial: {@link
 * org.rpzx.dns.notify.NotifySender}, TSIG-signed for consumers with a key, retried with exponential
 * backoff until acknowledged, results reported to a {@link org.rpzx.dns.notify.NotifyListener}.
 */
package org.rpzx.dns.notify;
