package org.rpzx.bench.suite;

import java.util.ArrayList;
import java.util.List;
import org.rpzx.bench.BenchNames;

/**
 * One large {@code domains.txt} over SMTP: synthetic names (a seed other than the loaded zone's)
 * until {@code --bytes} (default 25 000 000); prints the time to the {@code 250} and lines/s.
 */
public final class SmtpBulk {

  private SmtpBulk() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    long target = a.getLong("bytes", 25_000_000L);
    // ~16 bytes per realistic name and newline: generate enough, then cut at the byte target
    int estimate = (int) Math.max(100, target / 12);
    List<String> lines = new ArrayList<>();
    long bytes = 0;
    for (String n : BenchNames.realistic(estimate, a.getLong("seed", 2))) {
      if (bytes + n.length() + 2 > target) {
        break;
      }
      lines.add(n);
      bytes += n.length() + 2;
    }
    SmtpSubmitter smtp =
        new SmtpSubmitter(a.host(), a.port(), a.get("from"), a.get("to", "blocklist@localhost"));
    SmtpSubmitter.Reply r = smtp.send(lines);
    if (r.code() != 250) {
      System.err.println("bulk submission refused: " + r.text());
      System.exit(1);
    }
    Stats.out("smtp_lines", lines.size());
    Stats.out("smtp_list_bytes", bytes);
    Stats.out("smtp_message_bytes", r.messageBytes());
    Stats.out("smtp_after_dot_s", r.afterDotNanos() / 1e9);
    Stats.out("smtp_total_s", r.totalNanos() / 1e9);
    Stats.out("smtp_lines_per_s", lines.size() / (r.totalNanos() / 1e9));
    System.out.println("smtp_reply=" + r.text().replace(' ', '_'));
  }
}
