/** {@code rpzx serve}: wires the store, core services, SMTP, DNS and the API into one process. */
package org.rpzx.dist.serve;
