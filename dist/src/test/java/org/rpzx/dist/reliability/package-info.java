/**
 * Reliability tests of the packaged service (SPEC §10): {@link
 * org.rpzx.dist.reliability.CrashHarness} kills {@code rpzx serve} with SIGKILL while submissions
 * flow and checks what survived; {@code StoreFaultIT} fills or freezes the store under a running
 * service; {@link org.rpzx.dist.reliability.LoadHarness} (issue 8) runs SMTP sessions, AXFR loops,
 * a fixed-rate UDP SOA load and slow clients at once and checks that nothing acknowledged is lost,
 * the slow clients are closed and the service stays healthy. All run {@code target/rpzx.jar} as an
 * operator would, in its own process.
 */
package org.rpzx.dist.reliability;
