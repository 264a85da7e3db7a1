/** The authoritative DNS primary for the RPZ. */
package org.rpzx.dns;
