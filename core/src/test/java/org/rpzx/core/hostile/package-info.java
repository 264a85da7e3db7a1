/** The hostile input corpus of core: malformed {@code domains.txt} lines and their outcomes. */
package org.rpzx.core.hostile;
