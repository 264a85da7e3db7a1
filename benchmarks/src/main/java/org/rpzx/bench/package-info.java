/** JMH benchmarks of the hot paths. */
package org.rpzx.bench;
