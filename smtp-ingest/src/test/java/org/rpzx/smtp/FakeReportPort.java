package org.rpzx.smtp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rpzx.core.report.FalsePositiveReport;
import org.rpzx.core.report.ReportBatch;
import org.rpzx.core.report.ReportPort;
import org.rpzx.core.report.ReportStatus;
import org.rpzx.core.submission.SenderIdentity;

/**
 * A stand-in for core's reports: records each call; a line ending in {@code .example} is filed as
 * report 100, 101, ..., any other non-blank line is refused.
 */
final class FakeReportPort implements ReportPort {

  record Call(SenderIdentity sender, String subject, List<String> texts) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  volatile RuntimeException failure;

  @Override
  public ReportBatch fileByMail(SenderIdentity sender, String subject, List<String> texts) {
    calls.add(new Call(sender, subject, texts));
    if (failure != null) {
      throw failure;
    }
    List<FalsePositiveReport> filed = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String text : texts) {
      for (String line : text.split("\r?\n")) {
        String name = line.strip();
        if (name.isEmpty()) {
          continue;
        }
        if (name.endsWith(".example")) {
          filed.add(
              new FalsePositiveReport(
                  100 + filed.size(),
                  name,
                  name,
                  subject,
                  "smtp",
                  ReportStatus.OPEN,
                  sender.institutionId(),
                  sender.institution(),
                  "sender:" + sender.sender(),
                  Instant.EPOCH,
                  null,
                  null,
                  null));
        } else {
          refused.add(name + " is not listed");
        }
      }
    }
    return new ReportBatch(filed, refused);
  }
}
