/** The SMTP receiver. */
package org.rpzx.smtp;
