/** Tests of the response rate limiter with a fake clock. */
package org.rpzx.dns.ratelimit;
