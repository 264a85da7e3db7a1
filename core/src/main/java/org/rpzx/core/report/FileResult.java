package org.rpzx.core.report;

/** The answer to filing a report: filed (or the same reporter's open one) or refused. */
public sealed interface FileResult {

  /**
   * The report; {@code alreadyOpen} when the same reporter had an open report on the same entry and
   * that one is returned instead of a second.
   */
  record Filed(FalsePositiveReport report, boolean alreadyOpen) implements FileResult {}

  /** Refused; {@code reason} is safe to show the reporter (it never names a submitter). */
  record Invalid(String reason) implements FileResult {}
}
