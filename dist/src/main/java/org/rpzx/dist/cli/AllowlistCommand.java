package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpzx allowlist list|add|remove|reload}. */
@Command(
    name = "allowlist",
    description = {
      "Names that are never blocked (e.g. the participants' own domains).",
      "A submitted name is rejected 'allowlist' if it, a parent down to its registrable domain,"
          + " or a name below it is listed. Entries come from the store (add/remove) and from"
          + " the file allowlist.file (edit it, then reload)."
    },
    footer = {
      "%nExamples:%n  rpzx allowlist add uni.example --comment \"participant's own domain\"%n  rpzx allowlist list"
    },
    mixinStandardHelpOptions = true,
    subcommands = {
      AllowlistCommand.List.class,
      AllowlistCommand.Add.class,
      AllowlistCommand.Remove.class,
      AllowlistCommand.Reload.class
    })
public final class AllowlistCommand {

  static String encoded(String name) {
    return URLEncoder.encode(name.strip(), StandardCharsets.UTF_8);
  }

  @Command(
      name = "list",
      description = "List the allowlist: store entries and the file's names.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:%n  rpzx allowlist list%n  rpzx allowlist list --json"})
  static final class List extends ApiCommand {
    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/allowlist");
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      Table.print(out, r, "name", "source", "comment", "added_by", "added");
    }
  }

  @Command(
      name = "add",
      description = {
        "Add a name to the allowlist; the next submission sees it.",
        "Names already in the zone stay there until they expire or are removed as entries."
      },
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:%n  rpzx allowlist add uni.example --comment \"participant's own domain\"",
        "  rpzx allowlist add bücher.example"
      })
  static final class Add extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "a domain name (U-labels are converted)")
    String name;

    @Option(names = "--comment", paramLabel = "TEXT", description = "why it is never blocked")
    String comment;

    @Override
    protected JsonNode call(ApiClient api) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("comment", comment);
      return api.post("/api/v1/allowlist", body);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println("allowlisted " + r.get("name").asText());
      note(r, out);
    }
  }

  @Command(
      name = "remove",
      description = "Remove a name from the store's allowlist (file names: edit the file).",
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:%n  rpzx allowlist remove uni.example%n  rpzx allowlist remove uni.example --json"
      })
  static final class Remove extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the name as it was added")
    String name;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.delete("/api/v1/allowlist/" + encoded(name));
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println("removed " + r.get("removed").asText() + " from the allowlist");
      out.flush();
    }
  }

  @Command(
      name = "reload",
      description = {
        "Re-read allowlist.file (also done by SIGHUP to rpzx serve).",
        "A missing or bad file (a line that is not a name) keeps the names in force."
      },
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:%n  rpzx allowlist reload%n  rpzx allowlist reload --json"})
  static final class Reload extends ApiCommand {
    @Override
    protected JsonNode call(ApiClient api) {
      return api.post("/api/v1/allowlist/reload", Map.of());
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      if (r.get("file").isNull()) {
        out.println("allowlist file: none configured (allowlist.file)");
      } else {
        out.printf(
            "allowlist file: %s: %s names (modified %s, sha256 %s)%n",
            r.get("file").asText(),
            r.get("file_names").asText(),
            r.get("file_modified").asText(),
            r.get("sha256").asText());
      }
      out.printf("store:          %s names%n", r.get("store_names").asText());
      out.flush();
    }
  }

  /** The API's note on names the zone already holds, if any. */
  static void note(JsonNode r, PrintWriter out) {
    JsonNode note = r.get("note");
    if (note != null && !note.isNull()) {
      out.println("note: " + note.asText());
    }
    out.flush();
  }
}
