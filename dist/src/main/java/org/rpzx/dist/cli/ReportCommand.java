package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rpzx report file|list|show|confirm|dismiss}: false-positive reports. With an institution's
 * {@code report} token a user files and follows its own reports (never seeing who submitted a
 * name); with the operator's token all reports, their submitters, and the decision.
 */
@Command(
    name = "report",
    aliases = "reports",
    description = {
      "False-positive reports: file one on a listed name; the operator confirms it (the name leaves"
          + " the zone at once and is suppressed) or dismisses it."
    },
    mixinStandardHelpOptions = true,
    subcommands = {
      ReportCommand.File.class,
      ReportCommand.List.class,
      ReportCommand.Show.class,
      ReportCommand.Confirm.class,
      ReportCommand.Dismiss.class
    },
    footer = {
      "%nExamples:",
      "  rpzx report file shop.example.org --reason \"our web shop\" --token-file uni-a.token",
      "  rpzx report list --status open",
      "  rpzx report confirm 12 --note \"checked, ticket 4711\""
    })
public final class ReportCommand {

  @Command(
      name = "file",
      description = {
        "Report a listed name as a false positive: the name itself or a name under a listed entry"
            + " (the report is then about that entry).",
        "Filing again while your report on the entry is open returns that report."
      },
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx report file shop.example.org --reason \"our web shop\"",
        "  rpzx report file www.shop.example.org --reason \"vendor CDN\" --json"
      })
  static final class File extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the name (U-labels are converted)")
    String name;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "why the name is a false positive")
    String reason;

    @Override
    protected JsonNode call(ApiClient api) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("reason", reason);
      return api.post("/api/v1/reports", body);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.printf(
          "report #%d on %s: %s (filed %s)%n",
          r.get("id").asLong(),
          r.get("name").asText(),
          r.get("status").asText(),
          r.get("filed").asText());
      out.flush();
    }
  }

  @Command(
      name = "list",
      description =
          "List reports, newest first: the operator sees all, an institution's token its own.",
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx report list --status open",
        "  rpzx report list --status confirmed --json"
      })
  static final class List extends ApiCommand {
    @Option(
        names = "--status",
        paramLabel = "STATUS",
        description = "only reports that are open, confirmed or dismissed")
    String status;

    @Option(
        names = "--limit",
        defaultValue = "1000",
        paramLabel = "N",
        description = "at most N reports (default ${DEFAULT-VALUE}, at most 10000)")
    int limit;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.get(
          "/api/v1/reports?limit="
              + limit
              + (status == null ? "" : "&status=" + ApiPaths.query(status)));
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      boolean operator = r.size() > 0 && r.get(0).has("reporter");
      if (operator) {
        Table.print(out, r, "id", "name", "status", "reporter", "submitters", "reason", "filed");
      } else {
        Table.print(out, r, "id", "name", "status", "reason", "filed", "decided");
      }
    }
  }

  @Command(
      name = "show",
      description = "One report; the operator also sees who filed it and who submitted the name.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx report show 12", "  rpzx report show 12 --json"})
  static final class Show extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "the report's number")
    long id;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/reports/" + id);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      print(r, out);
    }
  }

  @Command(
      name = "confirm",
      description = {
        "Confirm a report (operator): the name leaves the zone at once, in one change set, and is"
            + " suppressed for governance.false-positive-suppression (default 90 days)."
      },
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx report confirm 12 --note \"checked, ticket 4711\""})
  static final class Confirm extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "the report's number")
    long id;

    @Option(names = "--note", paramLabel = "TEXT", description = "the operator's note")
    String note;

    @Override
    protected JsonNode call(ApiClient api) {
      return decide(api, id, "confirm", note);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.printf(
          "report #%d confirmed: %s left the zone and is suppressed%n",
          r.get("id").asLong(), r.get("name").asText());
      out.flush();
    }
  }

  @Command(
      name = "dismiss",
      description = "Dismiss a report (operator): the zone and the lists stay as they are.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx report dismiss 12 --note \"still serving malware\""})
  static final class Dismiss extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "the report's number")
    long id;

    @Option(names = "--note", paramLabel = "TEXT", description = "the operator's note")
    String note;

    @Override
    protected JsonNode call(ApiClient api) {
      return decide(api, id, "dismiss", note);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.printf(
          "report #%d dismissed: %s stays listed%n", r.get("id").asLong(), r.get("name").asText());
      out.flush();
    }
  }

  private static JsonNode decide(ApiClient api, long id, String action, String note) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("note", note);
    return api.post("/api/v1/reports/" + id + "/" + action, body);
  }

  /** A report, field by field; the operator's fields only when the answer has them. */
  static void print(JsonNode r, PrintWriter out) {
    line(out, "report", "#" + r.get("id").asText());
    line(out, "name", r.get("name").asText());
    if (!r.get("reported_name").asText().equals(r.get("name").asText())) {
      line(out, "reported as", r.get("reported_name").asText());
    }
    line(out, "status", r.get("status").asText());
    line(out, "reason", r.get("reason").asText());
    line(out, "filed", r.get("filed").asText());
    text(out, "decided", r.get("decided"));
    if (r.has("reporter")) {
      line(
          out, "reporter", r.get("reporter").asText() + " (" + r.get("reported_by").asText() + ")");
      line(out, "channel", r.get("channel").asText());
      text(out, "decided by", r.get("decided_by"));
      text(out, "note", r.get("note"));
      java.util.List<String> submitters = new java.util.ArrayList<>();
      r.get("submitters").forEach(s -> submitters.add(s.asText()));
      line(out, "submitted by", submitters.isEmpty() ? "-" : String.join(", ", submitters));
    }
    out.flush();
  }

  private static void text(PrintWriter out, String label, JsonNode v) {
    if (v != null && !v.isNull()) {
      line(out, label, v.asText());
    }
  }

  private static void line(PrintWriter out, String label, String value) {
    out.printf("%-14s%s%n", label + ":", value);
  }
}
