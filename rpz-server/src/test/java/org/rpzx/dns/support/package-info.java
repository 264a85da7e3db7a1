/** Test helpers: dnsjava query building, raw socket clients, a buffer-tracking allocator. */
package org.rpzx.dns.support;
