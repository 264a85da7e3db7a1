/**
 * Who may transfer the zone: CIDR subnets and the {@link org.rpzx.dns.access.TransferAuthorizer}
 * decision point (TSIG joins it later).
 */
package org.rpzx.dns.access;
