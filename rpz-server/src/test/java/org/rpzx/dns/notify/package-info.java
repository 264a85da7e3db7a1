/** Tests of the NOTIFY sender against fake secondaries on loopback. */
package org.rpzx.dns.notify;
