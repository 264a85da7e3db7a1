package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpzx institution add|list|show|suspend|resume}. */
@Command(
    name = "institution",
    description = "Manage participating institutions.",
    mixinStandardHelpOptions = true,
    subcommands = {
      InstitutionCommand.Add.class,
      InstitutionCommand.List.class,
      InstitutionCommand.Show.class,
      InstitutionCommand.Suspend.class,
      InstitutionCommand.Resume.class
    },
    footer = {
      "%nExamples:",
      "  rpzx institution add \"Example University\"",
      "  rpzx institution suspend \"Example University\" --reason \"FP review\"",
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
      description = "List institutions with their status (active, or suspended until when, why).",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx institution list", "  rpzx institution list --json"})
  static final class List extends ApiCommand {
    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/institutions");
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      Table.print(out, r, "name", "status", "suspended_until", "suspend_reason", "created");
    }
  }

  @Command(
      name = "show",
      description = "One institution: status, senders and consumers.",
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
              + " expiry. Suspending again replaces the date and reason.",
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx institution suspend \"Example University\" --until 2026-12-31 \\",
        "      --reason \"too many false positives, see ticket 4711\"",
        "  rpzx institution suspend \"Example University\" --reason \"compromised sender\""
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

    @Override
    protected JsonNode call(ApiClient api) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("until", until);
      body.put("reason", reason);
      return api.post(path(name) + "/suspend", body);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println(status(r));
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
