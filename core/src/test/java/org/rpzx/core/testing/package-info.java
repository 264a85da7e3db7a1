/** Test fixtures shared by core's tests (and, through the test-jar, by other modules). */
package org.rpzx.core.testing;
