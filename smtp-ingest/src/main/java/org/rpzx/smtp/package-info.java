/**
 * The SMTP receiver (SPEC §2): {@link org.rpzx.smtp.SmtpIngestServer} (SubEthaSMTP) accepts mail
 * for the community addresses only, enforces the size limit while streaming, and runs each message
 * through {@link org.rpzx.smtp.SubmissionFlow}: MIME extraction ({@link org.rpzx.smtp.mime}),
 * sender authorization and submission via core's {@link org.rpzx.core.submission.SubmissionPort},
 * then a truthful reply.
 */
package org.rpzx.smtp;
