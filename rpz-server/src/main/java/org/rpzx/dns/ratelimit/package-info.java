/**
 * Response rate limiting for UDP (in the spirit of BIND's RRL): token buckets per client prefix so
 * the server cannot be used to amplify traffic towards a spoofed source, with "slip" answers that
 * send real clients over to TCP.
 */
package org.rpzx.dns.ratelimit;
