/** The hostile packet corpus: malformed DNS messages against a real server, and their answers. */
package org.rpzx.dns.hostile;
