/**
 * Reliability tests of the packaged service (SPEC §10): {@link
 * org.rpzx.dist.reliability.CrashHarness} kills {@code rpzx serve} with SIGKILL while submissions
 * flow and checks what survived; {@code StoreFaultIT} fills or freezes the store under a running
 * service. Both run {@code target/rpzx.jar} as an operator would, in its own process.
 */
package org.rpzx.dist.reliability;
