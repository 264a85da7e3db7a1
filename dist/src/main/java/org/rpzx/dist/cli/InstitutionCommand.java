package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rpzx.dist.api.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpzx institution add|list|show|suspend|resume|stats}. */
@Command(
    name = "institution",
    description = "Manage participating institutions.",
    mixinStandardHelpOptions = true,
    subcommands = {
      InstitutionCommand.Add.class,
      InstitutionCommand.List.class,
      InstitutionCommand.Show.class,
      InstitutionCommand.Suspend.class,
      InstitutionCommand.Resume.class,
      InstitutionStatsCommand.class
    },
    footer = {
      "%nExamples:",
      "  rpzx institution add \"Example University\"",
      "  rpzx institution suspend \"Example University\" --reason \"FP review\"",
      "  rpzx institution stats \"Example University\" --since 90d",
      "  rpzx institution list --json"
    })
public final class InstitutionCommand {

  static String path(String name) {
    return "/api/v1/institutions/" + ApiPaths.segment(name);
  }

  /** {@code active}, or {@code suspended until T: reason} ({@code until resumed} without T). */
  static String statusText(JsonNode i) {
    if (!"suspended".equals(i.path("status").asText())) {
      return "active";
    }
    JsonNode until = i.get("suspended_until");
    return "suspended "
        + (until == null || until.isNull() ? "until resumed" : "until " + until.asText())
        + ": "
        + i.path("suspend_reason").asText();
  }

  /** {@code NAME: active} or {@code NAME: suspended until T: reason}. */
  static String status(JsonNode i) {
    return i.get("name").asText() + ": " + statusText(i);
  }

  /** {@code yes}/{@code no} for the {@code participating} field. */
  static String yesNo(JsonNode i) {
    return i.path("participating").asBoolean() ? "yes" : "no";
  }

  /** The time of the last zone contact, or {@code never}. */
  static String lastContact(JsonNode i) {
    JsonNode t = i.get("last_zone_contact");
    return t == null || t.isNull() ? "never" : t.asText();
  }

  @Command(
      name = "add",
      description = "Register an institution.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx institution add \"Example University\""})
  static final class Add extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the institution's name")
    String name;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.post("/api/v1/institutions", Map.of("name", name));
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println("institution " + r.get("name").asText() + " added");
      out.flush();
    }
  }

  @Command(
      name = "list",
      description =
          "List institutions with their status (active, or suspended until when, why), whether"
              + " they participate (a consumer checked the zone within"
              + " governance.participation-window) and their last zone contact.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx institution list", "  rpzx institution list --json"})
  static final class List extends ApiCommand {
    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/institutions");
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      ArrayNode rows = Json.MAPPER.createArrayNode();
      for (JsonNode i : r) {
        ObjectNode row = ((ObjectNode) i).deepCopy();
        row.put("participating", yesNo(i));
        row.put("last_zone_contact", lastContact(i));
        rows.add(row);
      }
      Table.print(
          out,
          rows,
          "name",
          "status",
          "suspended_until",
          "suspend_reason",
          "participating",
          "last_zone_contact",
          "created");
    }
  }

  @Command(
      name = "show",
      description =
          "One institution: status, participation and last zone contact, senders and consumers.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx institution show \"Example University\""})
  static final class Show extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the institution's name")
    String name;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.get(path(name));
    }

    @Override
    protected void render(JsonNode i, PrintWriter out) {
      out.printf("institution:  %s%n", i.get("name").asText());
      out.printf("status:       %s%n", statusText(i));
      JsonNode why = i.get("participation");
      out.printf(
          "participates: %s%n",
          yesNo(i) + (why == null || why.isNull() ? "" : " (" + why.asText() + ")"));
      out.printf("zone contact: %s%n", lastContact(i));
      out.printf("created:      %s%n", i.get("created").asText());
      out.printf("senders:      %s%n", join(i.get("senders")));
      out.printf("consumers:    %s%n", join(i.get("consumers")));
      out.flush();
    }

    private static String join(JsonNode array) {
      java.util.List<String> items = new java.util.ArrayList<>();
      if (array != null) {
        array.forEach(n -> items.add(n.asText()));
      }
      return items.isEmpty() ? "-" : String.join(", ", items);
    }
  }

  @Command(
      name = "suspend",
      description =
          "Suspend an institution: its senders' mail is refused with 550 5.7.1 quoting the"
              + " reason and the date, its HTTP submissions with 403. Its entries keep their own"
              + " expiry unless --purge. Suspending again replaces the date and reason.",
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx institution suspend \"Example University\" --until 2026-12-31 \\",
        "      --reason \"too many false positives, see ticket 4711\"",
        "  rpzx institution suspend \"Example University\" --reason \"compromised sender\"",
        "  rpzx institution suspend \"Example University\" --reason \"poisoned feed\" --purge"
      })
  static final class Suspend extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the institution's name")
    String name;

    @Option(
        names = "--until",
        paramLabel = "DATE",
        description =
            "a date (2026-12-31: 00:00 UTC that day) or a time (2026-12-31T12:00:00Z);"
                + " default: until `rpzx institution resume`")
    String until;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "why (one line, at most 200 characters; quoted in the SMTP refusal)")
    String reason;

    @Option(
        names = "--purge",
        description =
            "also remove the names only this institution supports, at once and in one zone"
                + " change (one serial); names another institution also submitted stay")
    boolean purge;

    @Override
    protected JsonNode call(ApiClient api) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("until", until);
      body.put("reason", reason);
      body.put("purge", purge);
      return api.post(path(name) + "/suspend", body);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println(status(r));
      JsonNode purged = r.get("purged_names");
      if (purged != null && !purged.isNull()) {
        JsonNode serial = r.get("serial");
        out.println(
            "purged "
                + purged.asInt()
                + (purged.asInt() == 1 ? " name" : " names")
                + (serial == null || serial.isNull()
                    ? ""
                    : " (zone serial " + serial.asText() + ")"));
      }
      out.flush();
    }
  }

  @Command(
      name = "resume",
      description = "Lift an institution's suspension (does nothing if it is not suspended).",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx institution resume \"Example University\""})
  static final class Resume extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the institution's name")
    String name;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.post(path(name) + "/resume", Map.of());
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println(status(r));
      out.flush();
    }
  }
}
