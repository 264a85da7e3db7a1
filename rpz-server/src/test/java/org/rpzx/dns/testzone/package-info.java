/** Test oracle: a simple, independent {@code ZoneView}/{@code ZoneSnapshot} over sorted names. */
package org.rpzx.dns.testzone;
