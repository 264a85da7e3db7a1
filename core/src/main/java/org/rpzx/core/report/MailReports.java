package org.rpzx.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rpzx.core.name.NumberedLine;
import org.rpzx.core.name.TextLines;
import org.rpzx.core.submission.SenderIdentity;

/**
 * Reports by mail (SPEC §8, {@code governance.report-addresses}): one report per name line, the
 * subject as the reason, filed for the sender's institution through {@link ReportService}, so the
 * rules of {@link ReportService#file} apply to every line.
 */
public final class MailReports implements ReportPort {

  static final String CHANNEL = "smtp";
  static final String DEFAULT_REASON = "reported by mail";

  /**
   * A report mail is a handful of names; more is a mistake (a blocklist sent to the wrong place).
   */
  static final int MAX_NAMES = 100;

  private final ReportService reports;

  public MailReports(ReportService reports) {
    this.reports = reports;
  }

  @Override
  public ReportBatch fileByMail(SenderIdentity sender, String subject, List<String> texts) {
    String reason = ReportText.oneLine(subject);
    if (reason == null) {
      reason = DEFAULT_REASON;
    } else if (reason.length() > ReportText.MAX_TEXT) {
      reason = reason.substring(0, ReportText.MAX_TEXT - 1) + "…";
    }
    Reporter reporter = Reporter.institution(sender.institutionId(), "sender:" + sender.sender());
    Map<Long, FalsePositiveReport> filed = new LinkedHashMap<>();
    List<String> refused = new ArrayList<>();
    int names = 0;
    for (int t = 0; t < texts.size(); t++) {
      String where = texts.size() == 1 ? "line " : "text " + (t + 1) + " line ";
      for (NumberedLine line : TextLines.of(texts.get(t))) {
        String text = line.text().strip();
        if (text.equals("--")) {
          break; // "-- ": the signature follows
        }
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        if (++names > MAX_NAMES) {
          refused.add("more than " + MAX_NAMES + " names, the rest was not read");
          return new ReportBatch(List.copyOf(filed.values()), refused);
        }
        FileResult result = reports.file(reporter, text, reason, CHANNEL);
        if (result instanceof FileResult.Filed f) {
          filed.putIfAbsent(f.report().id(), f.report());
        } else {
          refused.add(where + line.number() + ": " + ((FileResult.Invalid) result).reason());
        }
      }
    }
    return new ReportBatch(List.copyOf(filed.values()), refused);
  }
}
