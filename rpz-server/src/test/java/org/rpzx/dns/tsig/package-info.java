/** Tests of TSIG keys, verification and signing. */
package org.rpzx.dns.tsig;
