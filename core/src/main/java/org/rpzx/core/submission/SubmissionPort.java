package org.rpzx.core.submission;

/**
 * The one door through which edges (SMTP, HTTP) hand submissions to core. Implementations are
 * thread-safe.
 */
public interface SubmissionPort {

  /** Whether {@code address} may submit when authenticated by {@code method}. */
  SenderCheck checkSender(String address, AuthMethod method);

  /** Validates, stores and applies a submission; returns only after the outcome is final. */
  SubmissionOutcome submit(SubmissionRequest request);

  /**
   * Whether core stores received messages as they arrived (SPEC §7, off unless the operator enables
   * it): only then does an edge capture them into {@link SubmissionRequest#rawMessage()}. A port
   * that wraps another must pass this on.
   */
  default boolean keepsRawMessages() {
    return false;
  }
}
