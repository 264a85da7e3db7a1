package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rpzx entries list|show|remove|add}: the operator's view of entries and overrides of them.
 * Needs an operator token: who submitted a name is never shown to an institution.
 */
@Command(
    name = "entries",
    description =
        "Inspect the entries of the zone and who submitted them, remove or add one (operator"
            + " token only).",
    mixinStandardHelpOptions = true,
    subcommands = {
      EntriesCommand.List.class,
      EntriesCommand.Show.class,
      EntriesCommand.Remove.class,
      EntriesCommand.Add.class
    },
    footer = {
      "%nExamples:",
      "  rpzx entries list --suffix example.org",
      "  rpzx entries show evil.example.org --json",
      "  rpzx entries remove shop.example.org --reason \"our web shop\" --for 30d",
      "  rpzx entries add phish.example.net --reason \"seen in campaign X\""
    })
public final class EntriesCommand {

  /** At most one of --name and --suffix. */
  static final class Match {
    @Option(names = "--name", paramLabel = "NAME", description = "exactly this name")
    String name;

    @Option(
        names = "--suffix",
        paramLabel = "NAME",
        description = "this name and every name under it")
    String suffix;
  }

  @Command(
      name = "list",
      description =
          "List entries in the zone (with --all also expired ones) by name, a page at a time;"
              + " when there are more, the last line says how to get the next page.",
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx entries list --suffix example.org",
        "  rpzx entries list --name evil.example.org --all",
        "  rpzx entries list --limit 100 --after evil.example.org --json"
      })
  static final class List extends ApiCommand {
    @ArgGroup(exclusive = true)
    Match match;

    @Option(names = "--all", description = "include entries that have expired")
    boolean all;

    @Option(
        names = "--limit",
        defaultValue = "1000",
        paramLabel = "N",
        description = "at most N entries (default ${DEFAULT-VALUE}, at most 100000)")
    int limit;

    @Option(
        names = "--after",
        paramLabel = "NAME",
        description = "start after this name (the next page)")
    String after;

    @Override
    protected JsonNode call(ApiClient api) {
      StringBuilder q = new StringBuilder("/api/v1/entries?limit=").append(limit);
      if (match != null && match.name != null) {
        q.append("&name=").append(ApiPaths.query(match.name));
      }
      if (match != null && match.suffix != null) {
        q.append("&suffix=").append(ApiPaths.query(match.suffix));
      }
      if (after != null) {
        q.append("&after=").append(ApiPaths.query(after));
      }
      if (all) {
        q.append("&state=all");
      }
      return api.get(q.toString());
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      Table.print(
          out, r.get("entries"), "name", "active", "first_submitted", "last_submitted", "expires");
      JsonNode next = r.get("next_after");
      if (next != null && !next.isNull()) {
        out.println("(more: add --after " + next.asText() + ")");
      }
      out.flush();
    }
  }

  @Command(
      name = "show",
      description =
          "One entry with its submitters: each institution's first and latest submission.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx entries show evil.example.org"})
  static final class Show extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the entry's name (U-labels are converted)")
    String name;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/entries/" + ApiPaths.segment(name));
    }

    @Override
    protected void render(JsonNode e, PrintWriter out) {
      out.printf("entry:            %s%n", e.get("name").asText());
      out.printf("in the zone:      %s%n", e.get("active").asBoolean() ? "yes" : "no");
      out.printf("first submitted:  %s%n", e.get("first_submitted").asText());
      out.printf("last submitted:   %s%n", e.get("last_submitted").asText());
      out.printf("expires:          %s%n", e.get("expires").asText());
      out.println();
      Table.print(out, e.get("submitters"), "institution", "first_submitted", "last_submitted");
      JsonNode op = e.get("operator");
      if (op != null && !op.isNull()) {
        out.printf(
            "added by the operator (%s) %s%s%n",
            op.get("added_by").asText(),
            op.get("last_added").asText(),
            op.get("reason").isNull() ? "" : ": " + op.get("reason").asText());
        out.flush();
      }
    }
  }

  @Command(
      name = "remove",
      description = {
        "Remove an entry from the zone at once (one change set) and suppress it, so submissions of"
            + " it are rejected 'suppressed' (default period: governance.false-positive-suppression).",
        "Names under the entry leave with it; a name that is only covered by an entry is refused."
      },
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx entries remove shop.example.org --reason \"our web shop\"",
        "  rpzx entries remove cdn.example.net --reason \"vendor CDN\" --for 30d --json"
      })
  static final class Remove extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the entry's name (exactly)")
    String name;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "why (kept as the suppression's reason)")
    String reason;

    @Option(
        names = "--for",
        paramLabel = "DURATION",
        description = "how long submissions of it are refused, e.g. 90d (default: configured)")
    String duration;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.delete(
          "/api/v1/entries/"
              + ApiPaths.segment(name.strip())
              + "?reason="
              + ApiPaths.query(reason)
              + (duration == null ? "" : "&for=" + ApiPaths.query(duration)));
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      JsonNode until = r.get("suppressed_until");
      out.println(
          "removed "
              + r.get("name").asText()
              + " from the zone; suppressed "
              + (until.isNull() ? "until removed" : "until " + until.asText()));
      out.flush();
    }
  }

  @Command(
      name = "add",
      description = {
        "Add a name as the operator's entry: it passes the same rules as a submitted line and lives"
            + " as long as a submitted one; it is in the zone when the command returns."
      },
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx entries add phish.example.net --reason \"seen in campaign X\"",
        "  rpzx entries add '*.bad.example' --json"
      })
  static final class Add extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the name, as a line of domains.txt")
    String name;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (kept with the entry)")
    String reason;

    @Override
    protected JsonNode call(ApiClient api) {
      java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("name", name);
      body.put("reason", reason);
      return api.post("/api/v1/entries", body);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.printf(
          "added %s (%s); expires %s%n",
          r.get("name").asText(),
          r.get("active").asBoolean() ? "in the zone" : "publication pending",
          r.get("expires").asText());
      out.flush();
    }
  }
}
