package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rpzx.dist.config.Durations;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpzx suppressions list|add|remove} (also {@code rpzx suppression}). */
@Command(
    name = "suppressions",
    aliases = "suppression",
    description = {
      "Names delisted as false positives: a submission of exactly such a name is rejected"
          + " 'suppressed' until the suppression expires or is removed."
    },
    footer = {
      "%nExamples:%n  rpzx suppressions add shop.example --reason \"FP, ticket 4711\" --for 90d%n  rpzx suppressions list --all"
    },
    mixinStandardHelpOptions = true,
    subcommands = {
      SuppressionCommand.List.class,
      SuppressionCommand.Add.class,
      SuppressionCommand.Remove.class
    })
public final class SuppressionCommand {

  @Command(
      name = "list",
      description = "List suppressions in force (all, also expired ones, with --all).",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:%n  rpzx suppressions list%n  rpzx suppressions list --all --json"})
  static final class List extends ApiCommand {
    @Option(names = "--all", description = "include expired suppressions")
    boolean all;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/suppressions" + (all ? "?state=all" : ""));
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      ArrayNode rows = r.deepCopy();
      for (JsonNode row : rows) {
        if (row.get("until").isNull()) {
          ((ObjectNode) row).put("until", "never");
        }
      }
      Table.print(out, rows, "name", "until", "active", "reason", "added_by", "added");
    }
  }

  /** When a suppression ends: a date or instant, or a duration from now. */
  static final class Expiry {
    @Option(
        names = "--until",
        paramLabel = "WHEN",
        description = "2026-12-31 (00:00 UTC that day) or 2026-12-31T18:00:00Z")
    String until;

    @Option(names = "--for", paramLabel = "DURATION", description = "e.g. 90d, 12h")
    String duration;

    Instant instant() {
      if (duration != null) {
        try {
          return Instant.now().plus(Durations.parse(duration));
        } catch (IllegalArgumentException e) {
          throw new CliException(ExitCodes.USAGE, "--for: " + e.getMessage());
        }
      }
      try {
        return until.contains("T")
            ? Instant.parse(until)
            : LocalDate.parse(until).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw new CliException(
            ExitCodes.USAGE,
            "--until: expected 2026-12-31 or 2026-12-31T18:00:00Z, got '" + until + "'");
      }
    }
  }

  @Command(
      name = "add",
      description = {
        "Suppress a name (without --until/--for: until removed); the next submission sees it.",
        "A name in the zone stays there until it expires or is removed as an entry."
      },
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:%n  rpzx suppressions add shop.example --reason \"FP, ticket 4711\" --for 90d",
        "  rpzx suppressions add cdn.example --reason \"vendor CDN\" --until 2027-01-31"
      })
  static final class Add extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "exactly this name (not the names below it)")
    String name;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why")
    String reason;

    @ArgGroup(exclusive = true)
    Expiry expiry;

    @Override
    protected JsonNode call(ApiClient api) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("reason", reason);
      body.put("until", expiry == null ? null : expiry.instant().toString());
      return api.post("/api/v1/suppressions", body);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      JsonNode until = r.get("until");
      out.println(
          "suppressed "
              + r.get("name").asText()
              + (until.isNull() ? " until removed" : " until " + until.asText()));
      AllowlistCommand.note(r, out);
    }
  }

  @Command(
      name = "remove",
      description = "Remove the suppression of a name (expired or not).",
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:%n  rpzx suppressions remove shop.example%n  rpzx suppressions remove shop.example --json"
      })
  static final class Remove extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the suppressed name")
    String name;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.delete("/api/v1/suppressions/" + AllowlistCommand.encoded(name));
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println("removed the suppression of " + r.get("removed").asText());
      out.flush();
    }
  }
}
