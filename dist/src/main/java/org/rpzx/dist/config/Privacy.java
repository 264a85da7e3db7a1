package org.rpzx.dist.config;

/**
 * Retention (SPEC §7), the {@code privacy:} section.
 *
 * @param submissionRetention how long submission records (who sent what, the per-line report) are
 *     kept; entries keep only what their expiry needs
 * @param keepRawMessages whether received messages are stored as they arrived
 * @param rawMessageRetention how long stored raw messages are kept
 * @param auditRetention how long the audit log of API actions is kept
 */
public record Privacy(
    String submissionRetention,
    Boolean keepRawMessages,
    String rawMessageRetention,
    String auditRetention) {

  static Privacy defaults() {
    return new Privacy("180d", false, "30d", "365d");
  }

  Privacy withDefaults() {
    Privacy d = defaults();
    return new Privacy(
        submissionRetention != null ? submissionRetention : d.submissionRetention,
        keepRawMessages != null ? keepRawMessages : d.keepRawMessages,
        rawMessageRetention != null ? rawMessageRetention : d.rawMessageRetention,
        auditRetention != null ? auditRetention : d.auditRetention);
  }
}
