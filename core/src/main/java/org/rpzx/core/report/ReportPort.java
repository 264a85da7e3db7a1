package org.rpzx.core.report;

import java.util.List;
import org.rpzx.core.submission.SenderIdentity;

/**
 * The door through which an edge (the SMTP receiver, for mail to a report address) hands
 * false-positive reports to core. The edge authorizes the sender first (as for a submission, {@link
 * org.rpzx.core.submission.SubmissionPort#checkSender}). Implementations are thread-safe.
 */
public interface ReportPort {

  /**
   * Files one report per name line of {@code texts} (blank and {@code #} lines skipped, a {@code --
   * } signature delimiter ends a text) for {@code sender}'s institution, with {@code subject} as
   * the reason.
   *
   * @return what was filed and which lines were not; a store failure is an exception
   */
  ReportBatch fileByMail(SenderIdentity sender, String subject, List<String> texts);
}
