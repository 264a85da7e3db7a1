package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpzx institution stats NAME [--since 30d]}: quality control (SPEC §8). */
@Command(
    name = "stats",
    description =
        "An institution's submission quality over a window: submissions (held, discarded),"
            + " lines accepted, rejected by reason and skipped, names later confirmed as false"
            + " positives, and the share of lines that hit the Top-N list (top-sites).",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  rpzx institution stats \"Example University\"",
      "  rpzx institution stats \"Example University\" --since 90d --json"
    })
final class InstitutionStatsCommand extends ApiCommand {

  @Parameters(paramLabel = "NAME", description = "the institution's name")
  String name;

  @Option(
      names = {"--since", "--window"},
      defaultValue = "30d",
      paramLabel = "DURATION",
      description = "how far back: submissions received in the last DURATION (default 30d)")
  String since;

  @Override
  protected JsonNode call(ApiClient api) {
    return api.get(
        InstitutionCommand.path(name)
            + "/stats?since="
            + URLEncoder.encode(since, StandardCharsets.UTF_8));
  }

  @Override
  protected void render(JsonNode s, PrintWriter out) {
    out.printf("institution:      %s%n", s.get("institution").asText());
    out.printf("window:           %s to %s%n", s.get("since").asText(), s.get("until").asText());
    out.printf(
        "submissions:      %d (held %d, discarded %d)%n",
        s.get("submissions").asInt(), s.get("held").asInt(), s.get("discarded").asInt());
    out.printf("lines accepted:   %d%n", s.get("lines_accepted").asLong());
    out.printf("lines rejected:   %d%n", s.get("lines_rejected").asLong());
    Iterator<Map.Entry<String, JsonNode>> reasons = s.get("rejected_by_reason").fields();
    while (reasons.hasNext()) {
      Map.Entry<String, JsonNode> r = reasons.next();
      if (r.getValue().asLong() > 0) {
        out.printf("  %-16s%d%n", r.getKey(), r.getValue().asLong());
      }
    }
    out.printf("lines skipped:    %d%n", s.get("lines_skipped").asLong());
    out.printf("false positives:  %d%n", s.get("false_positives").asLong());
    out.printf(
        "top-sites share:  %s%n",
        String.format(Locale.ROOT, "%.1f%%", 100 * s.get("top_sites_share").asDouble()));
    out.flush();
  }
}
