package org.rpzx.core.governance;

/** What the participation rule says about a submission, under the configured mode. */
public sealed interface ParticipationCheck {

  /** The institution participates. */
  record Participating() implements ParticipationCheck {}

  /** It does not, and the mode is {@code warn}: accept, show {@code notice}. */
  record Warned(String notice) implements ParticipationCheck {}

  /** It does not, and the mode is {@code refuse}: refuse quoting {@code notice}. */
  record Refused(String notice) implements ParticipationCheck {}
}
