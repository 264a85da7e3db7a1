package org.rpzx.core.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The reports one mail filed (including a reporter's open ones it returned) and the lines it did
 * not file, each with its line and why, e.g. {@code line 3: example.org is not listed}.
 */
public record ReportBatch(List<FalsePositiveReport> filed, List<String> refused) {

  public ReportBatch {
    filed = List.copyOf(filed);
    refused = List.copyOf(refused);
  }

  /** Nothing was found to report: no name line at all. */
  public boolean isEmpty() {
    return filed.isEmpty() && refused.isEmpty();
  }

  /**
   * One line for a mail reply, e.g. {@code reports #12 #13 filed; 1 line not filed: line 3:
   * example.org is not listed}. Never names a submitter.
   */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    if (!filed.isEmpty()) {
      sb.append(filed.size() == 1 ? "report " : "reports ")
          .append(filed.stream().map(r -> "#" + r.id()).collect(Collectors.joining(" ")))
          .append(" filed");
    } else {
      sb.append("no report filed");
    }
    if (!refused.isEmpty()) {
      sb.append("; ")
          .append(refused.size())
          .append(refused.size() == 1 ? " line" : " lines")
          .append(" not filed: ")
          .append(String.join("; ", refused));
    }
    return sb.toString();
  }
}
