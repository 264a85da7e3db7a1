/**
 * Privacy (SPEC §7): retention of submission records, raw messages and audit records ({@link
 * org.rpzx.core.privacy.RetentionJob}), and the audit log of API actions ({@link
 * org.rpzx.core.privacy.AuditLog}).
 */
package org.rpzx.core.privacy;
