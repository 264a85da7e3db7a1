package org.rpzx.core.governance;

/** The plausibility guard's answer for one submission. */
public sealed interface PlausibilityVerdict {

  /** Apply it. */
  record Plausible() implements PlausibilityVerdict {}

  /** Hold it for the operator; {@code reason} is shown to the submitter and the operator. */
  record Hold(String reason) implements PlausibilityVerdict {}
}
