/**
 * Who may transfer the zone: CIDR subnets, the consumers ({@link
 * org.rpzx.dns.access.ConsumerDirectory}) with their TSIG keys and subnets, and the {@link
 * org.rpzx.dns.access.TransferAuthorizer} decision point.
 */
package org.rpzx.dns.access;
