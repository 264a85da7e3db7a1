/**
 * The SMTP receiver (SPEC §2): {@link org.rpzx.smtp.SmtpIngestServer} (SubEthaSMTP) accepts mail
 * for the community addresses only, enforces the size limit while streaming, and runs each message
 * through {@link org.rpzx.smtp.SubmissionFlow}: MIME extraction ({@link org.rpzx.smtp.mime}),
 * S/MIME verification ({@link org.rpzx.smtp.smime}), sender authorization and submission via core's
 * {@link org.rpzx.core.submission.SubmissionPort}, then a truthful reply. The listener protects
 * itself with connection limits, a per-read timeout, session and DATA deadlines ({@link
 * org.rpzx.smtp.SessionClock}), a per-source message rate ({@link org.rpzx.smtp.SourceRateLimiter})
 * and offers STARTTLS ({@link org.rpzx.smtp.SmtpTls}).
 */
package org.rpzx.smtp;
